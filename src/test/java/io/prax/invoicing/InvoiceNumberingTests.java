package io.prax.invoicing;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import io.prax.customer.Address;
import io.prax.customer.CustomerInput;
import io.prax.customer.CustomerManagement;
import io.prax.identity.CurrentUser;
import io.prax.identity.Onboarding;
import io.prax.support.PraxIntegrationTest;
import io.prax.support.Tenants;
import io.prax.support.Tenants.TestTenant;
import io.prax.tenancy.TenantContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** Gapless numbers: a rolled-back issue gives its number back. */
@PraxIntegrationTest
class InvoiceNumberingTests {

	@Autowired
	Onboarding onboarding;

	@Autowired
	InvoiceManagement invoices;

	@Autowired
	CompanyManagement company;

	@Autowired
	CustomerManagement customers;

	@Autowired
	PlatformTransactionManager transactions;

	TestTenant tenant;

	UUID customerId;

	@BeforeEach
	void signedInAdmin() {
		tenant = Tenants.newTenant(onboarding);
		var admin = tenant.admin();
		var user = new CurrentUser(admin.id(), admin.tenantId(), new UUID(0, 0), admin.tier(), admin.roles(), null,
				admin.name(), admin.email(), tenant.slug(), "Tenant");
		var context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(new UsernamePasswordAuthenticationToken(user, null, List.of()));
		SecurityContextHolder.setContext(context);
		TenantContext.bind(tenant.id());
		company
			.replace(new CompanyInput("Numbering GmbH", null, null, null, null, "EUR", 14, null, "INV-", null, null));
		customerId = customers
			.create(new CustomerInput("Buyer", null, null, null, new Address(null, null, null, null, null, null), null,
					null))
			.id();
	}

	@AfterEach
	void clear() {
		TenantContext.clear();
		SecurityContextHolder.clearContext();
	}

	@Test
	void leavesNoGapWhenAnIssueRollsBack() {
		InvoiceId first = draft();
		InvoiceId second = draft();
		int year = LocalDate.now(ZoneOffset.UTC).getYear();

		String rolledBack = new TransactionTemplate(transactions).execute(status -> {
			String number = invoices.issue(first).number();
			status.setRollbackOnly();
			return number;
		});
		assertThat(rolledBack).isEqualTo("INV-" + year + "-000001");
		assertThat(invoices.get(first).status()).isEqualTo(InvoiceStatus.DRAFT);

		assertThat(invoices.issue(second).number()).isEqualTo("INV-" + year + "-000001");
		assertThat(invoices.issue(first).number()).isEqualTo("INV-" + year + "-000002");
	}

	@Test
	void restartsNumbersEveryYear() {
		InvoiceId lastYear = new InvoiceId(invoices
			.create(new InvoiceInput(customerId, "EUR", LocalDate.of(2024, 12, 31), LocalDate.of(2025, 1, 31), List
				.of(new LineInput("x", java.math.BigDecimal.ONE, java.math.BigDecimal.TEN, java.math.BigDecimal.ZERO)),
					null))
			.id());
		InvoiceId nextYear = new InvoiceId(invoices
			.create(new InvoiceInput(customerId, "EUR", LocalDate.of(2025, 1, 1), LocalDate.of(2025, 1, 31), List
				.of(new LineInput("x", java.math.BigDecimal.ONE, java.math.BigDecimal.TEN, java.math.BigDecimal.ZERO)),
					null))
			.id());

		assertThat(invoices.issue(lastYear).number()).isEqualTo("INV-2024-000001");
		assertThat(invoices.issue(nextYear).number()).isEqualTo("INV-2025-000001");
	}

	private InvoiceId draft() {
		return new InvoiceId(invoices
			.create(new InvoiceInput(customerId, "EUR", null, null, List.of(new LineInput("Work",
					java.math.BigDecimal.ONE, new java.math.BigDecimal("100"), new java.math.BigDecimal("0.19"))),
					null))
			.id());
	}

}
