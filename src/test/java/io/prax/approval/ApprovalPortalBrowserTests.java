package io.prax.approval;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import io.prax.identity.UserLifecycle;
import io.prax.identity.Onboarding;
import io.prax.identity.Tier;
import io.prax.identity.UserAccount;
import io.prax.support.Api;
import io.prax.support.BrowserTest;
import io.prax.support.Browsing;
import io.prax.support.PraxIntegrationTest;
import io.prax.support.Tenants;
import io.prax.support.Tenants.TestTenant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.prax.support.Browsing.signIn;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Invoice acceptance in headless Chromium with the real CSP: the admin sends an issued
 * invoice for acceptance, the customer's portal user finds it under "Approvals for me"
 * and signs it with their password; the internal invoice page then shows their signature.
 */
@PraxIntegrationTest
@BrowserTest
class ApprovalPortalBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	Onboarding onboarding;

	@Autowired
	UserLifecycle identity;

	Browsing browsing;

	List<String> consoleProblems = List.of();

	@BeforeEach
	void watchConsole(Browsing browsing) {
		this.browsing = browsing;
		consoleProblems = browsing.consoleProblems();
	}

	@Test
	void aPortalUserAcceptsAnInvoiceBySigningIt() {
		TestTenant tenant = Tenants.newTenant(onboarding);
		Api api = new Api(port);
		String token = api.login(tenant.slug(), tenant.adminEmail(), Tenants.PASSWORD).access();
		assertThat(api.send("PUT", "/api/v1/admin/company", ApprovalApiTests.company(), token).status()).isEqualTo(200);
		String customerId = ApprovalApiTests.buyer(api, token, "Portal Buyer AG");
		UserAccount buyer = Tenants.newUser(identity, tenant, Tier.CUSTOMER, List.of(), UUID.fromString(customerId));
		String invoice = api.post("/api/v1/invoices",
				Map.of("customerId", customerId, "currency", "EUR", "dueDate", "2099-12-31", "lines",
						List.of(Map.of("description", "Qualification run", "quantity", "1", "unitPrice", "900.00",
								"taxRate", "0.19"))),
				token)
			.text("id");
		assertThat(api.post("/api/v1/invoices/" + invoice + "/issue", null, token).status()).isEqualTo(200);

		try (BrowserContext admin = browsing.newContext()) {
			Page page = browsing.newPage(admin);
			signIn(page, tenant, tenant.adminEmail());
			page.navigate("/approvals/workflows");
			var card = page.locator("[data-workflow=invoice_acceptance]");
			card.getByLabel("Step 1 name").fill("Acceptance");
			card.getByLabel("Step 1 signed by the customer in the portal").check();
			card.getByRole(AriaRole.BUTTON,
					new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Save workflow"))
				.click();
			assertThat(page.locator(".flash-text")).containsText("Workflow saved");

			page.navigate("/invoices/" + invoice);
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send for acceptance")).click();
			assertThat(page.locator("[data-approval-status]")).hasText("PENDING");
		}

		try (BrowserContext portal = browsing.newContext()) {
			Page page = browsing.newPage(portal);
			signIn(page, tenant, buyer.email());
			page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Approvals for me")).first().click();
			page.locator("[data-waiting] a").first().click();
			page.getByText("Sign", new Page.GetByTextOptions().setExact(true)).click();
			page.getByLabel("Meaning").selectOption(new SelectOption().setLabel("Approved"));
			page.getByLabel("Password").fill(Tenants.PASSWORD);
			page.getByLabel("Comment").fill("Accepted as ordered");
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign with my password")).click();
			assertThat(page.locator(".flash-text")).containsText("Signed: " + buyer.name());
			assertThat(page.locator("[data-approval-status]")).hasText("APPROVED");
		}

		try (BrowserContext admin = browsing.newContext()) {
			Page page = browsing.newPage(admin);
			signIn(page, tenant, tenant.adminEmail());
			page.navigate("/invoices/" + invoice);
			var panel = page.locator("[data-approval-panel=invoice_acceptance]");
			assertThat(panel).containsText("Customer acceptance");
			assertThat(panel.locator("[data-signature]")).hasCount(1);
			assertThat(panel).containsText(buyer.name());
			assertThat(panel).containsText("UTC");
			assertThat(panel).containsText("Approved");
		}
		assertThat(consoleProblems).isEmpty();
	}

}
