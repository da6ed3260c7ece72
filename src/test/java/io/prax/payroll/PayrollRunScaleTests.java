package io.prax.payroll;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.prax.identity.Onboarding;
import io.prax.support.Api;
import io.prax.support.PraxIntegrationTest;
import io.prax.support.Tenants;
import io.prax.support.Tenants.TestTenant;
import io.prax.tenancy.TenantContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A payroll run of 1,000 employees finalizes in one transaction; the time is reported,
 * not asserted.
 */
@PraxIntegrationTest
class PayrollRunScaleTests {

	@LocalServerPort
	int port;

	@Autowired
	Onboarding onboarding;

	@Autowired
	EmployeeManagement employees;

	@Autowired
	TransactionTemplate transactions;

	@Test
	void finalizesAThousandPayslipsInOneTransaction() {
		TestTenant tenant = Tenants.newTenant(onboarding);
		Salary salary = new Salary("EUR",
				List.of(new SalaryComponent("Base salary", ComponentKind.EARNING, new BigDecimal("2500.00"), null),
						new SalaryComponent("Income tax", ComponentKind.DEDUCTION, null, new BigDecimal("0.2"))));
		TenantContext.run(tenant.id(), () -> transactions.executeWithoutResult(status -> {
			for (int i = 0; i < 1000; i++) {
				employees.create(new EmployeeInput(String.format("S-%04d", i), "Scale " + i, null, "Ops", null,
						LocalDate.of(2020, 1, 1), null, null, "DE89370400440532013000", null, null, salary, null,
						null));
			}
		}));
		Api api = new Api(port);
		String token = api.login(tenant.slug(), tenant.adminEmail(), Tenants.PASSWORD).access();

		long created = System.nanoTime();
		var run = api.post("/api/v1/payroll-runs", Map.of("periodStart", "2026-05-01", "periodEnd", "2026-05-31"),
				token);
		long finalizing = System.nanoTime();
		assertThat(run.status()).as(run.body()).isEqualTo(201);
		assertThat(run.json().get("employeeCount").asInt()).isEqualTo(1000);
		var finalized = api.post("/api/v1/payroll-runs/" + run.text("id") + "/finalize", null, token);
		long done = System.nanoTime();
		assertThat(finalized.status()).as(finalized.body()).isEqualTo(200);
		assertThat(finalized.json().get("payslips"))
			.allSatisfy(p -> assertThat(p.get("status").asString()).isEqualTo("FINALIZED"));
		assertThat(finalized.json().get("totals").get(0).get("netPay").asString()).isEqualTo("2000000.00");
		System.out.printf("BENCHMARK payroll run of 1000 employees: create %d ms, finalize %d ms%n",
				(finalizing - created) / 1_000_000, (done - finalizing) / 1_000_000);
	}

}
