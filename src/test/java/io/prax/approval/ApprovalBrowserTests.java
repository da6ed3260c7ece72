package io.prax.approval;

import java.util.List;
import java.util.Map;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
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
 * A two-step approval in headless Chromium with the real CSP: the admin configures the
 * workflow and submits an invoice, a reviewer reviews it and a manager approves it, each
 * re-entering the password in the signing dialog; the invoice page then shows both
 * signatures and the invoice can be issued.
 */
@PraxIntegrationTest
@BrowserTest
class ApprovalBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	Onboarding onboarding;

	@Autowired
	UserLifecycle identity;

	Browsing browsing;

	List<String> consoleProblems;

	@BeforeEach
	void watchConsole(Browsing browsing) {
		this.browsing = browsing;
		consoleProblems = browsing.consoleProblems();
	}

	@Test
	void reviewByOneUserThenApprovalByAnother() {
		TestTenant tenant = Tenants.newTenant(onboarding);
		Api api = new Api(port);
		String token = api.login(tenant.slug(), tenant.adminEmail(), Tenants.PASSWORD).access();
		UserAccount reviewer = Tenants.newUser(identity, tenant, Tier.EMPLOYEE, List.of("REVIEWER"), null);
		UserAccount manager = Tenants.newUser(identity, tenant, Tier.EMPLOYEE, List.of("MANAGER"), null);
		assertThat(api.send("PUT", "/api/v1/admin/company", ApprovalApiTests.company(), token).status()).isEqualTo(200);
		String customerId = ApprovalApiTests.buyer(api, token, "Browser Buyer AG");
		String invoice = api
			.post("/api/v1/invoices", Map.of("customerId", customerId, "currency", "EUR", "dueDate", "2099-12-31",
					"lines", List.of(Map.of("description", "Audit readiness", "quantity", "2", "unitPrice", "500.00",
							"taxRate", "0.19"))),
					token)
			.text("id");

		try (BrowserContext admin = browsing.newContext()) {
			Page page = browsing.newPage(admin);
			signIn(page, tenant, tenant.adminEmail());
			page.navigate("/approvals/workflows");
			var card = page.locator("[data-workflow=invoice]");
			card.getByLabel("Step 1 name").fill("Review");
			card.getByLabel("Step 1 roles").fill("REVIEWER");
			card.getByLabel("Step 2 name").fill("Approval");
			card.getByLabel("Step 2 roles").fill("MANAGER");
			card.getByRole(AriaRole.BUTTON,
					new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Save workflow"))
				.click();
			assertThat(page.locator(".flash-text")).containsText("Workflow saved");

			page.navigate("/invoices/" + invoice);
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Submit for approval")).click();
			assertThat(page.locator("[data-approval-status]")).hasText("PENDING");
		}

		sign(tenant, reviewer, "Reviewed", "Figures checked");
		sign(tenant, manager, "Approved", "Release it");

		try (BrowserContext admin = browsing.newContext()) {
			Page page = browsing.newPage(admin);
			signIn(page, tenant, tenant.adminEmail());
			page.navigate("/invoices/" + invoice);
			var panel = page.locator("[data-approval-panel]");
			assertThat(panel.locator("[data-signature]")).hasCount(2);
			assertThat(panel).containsText(reviewer.name());
			assertThat(panel).containsText(manager.name());
			assertThat(panel).containsText("UTC");
			assertThat(panel).containsText("Approved");
			page.onDialog(dialog -> dialog.accept());
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Issue invoice")).click();
			assertThat(page.locator(".flash-text")).isVisible();
			assertThat(api.get("/api/v1/invoices/" + invoice, token).text("status")).isEqualTo("ISSUED");
		}
		assertThat(consoleProblems).isEmpty();
	}

	private void sign(TestTenant tenant, UserAccount signer, String meaning, String comment) {
		try (BrowserContext context = browsing.newContext()) {
			Page page = browsing.newPage(context);
			signIn(page, tenant, signer.email());
			page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Approvals")).first().click();
			page.locator("[data-waiting] a").first().click();
			page.getByText("Sign", new Page.GetByTextOptions().setExact(true)).click();
			page.getByLabel("Meaning")
				.selectOption(new com.microsoft.playwright.options.SelectOption().setLabel(meaning));
			page.getByLabel("Password").fill(Tenants.PASSWORD);
			page.getByLabel("Comment").fill(comment);
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign with my password")).click();
			assertThat(page.locator(".flash-text")).containsText("Signed: " + signer.name());
			assertThat(page.locator("[data-signature]")
				.filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText(signer.name())))
				.containsText(meaning);
		}
	}

}
