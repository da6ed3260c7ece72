package io.prax.audit;

import java.nio.file.Path;
import java.util.List;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.prax.identity.Onboarding;
import io.prax.support.BrowserTest;
import io.prax.support.Browsing;
import io.prax.support.PraxIntegrationTest;
import io.prax.support.Tenants;
import io.prax.support.Tenants.TestTenant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A person opens Audit from the sidebar, filters, and checks the log's integrity, under
 * the real CSP.
 */
@PraxIntegrationTest
@BrowserTest
class AuditBrowserTests {

	@Autowired
	Onboarding onboarding;

	@Test
	void verifiesIntegrityFromTheAuditPage(Browsing browsing) {
		TestTenant tenant = Tenants.newTenant(onboarding);
		List<String> consoleProblems = browsing.consoleProblems();
		Page page = browsing.page();
		page.navigate("/login");
		page.getByLabel("Workspace").fill(tenant.slug());
		page.getByLabel("Email").fill(tenant.adminEmail());
		page.getByLabel("Password").fill(Tenants.PASSWORD);
		page.locator("form button[type=submit]").first().click();
		page.waitForURL(url -> !url.contains("/login"));

		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Audit")).first().click();
		assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Audit"))).isVisible();
		assertThat(page.locator(".audit-table")).containsText("auth.sign_in");

		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Verify integrity")).click();
		assertThat(page.locator("[data-verification=valid]")).containsText("The audit log is intact");
		page.screenshot(
				new Page.ScreenshotOptions().setPath(Path.of("target", "screenshots", "audit.png")).setFullPage(true));
		assertThat(page.url()).endsWith("/audit");

		page.navigate("/customers/new");
		page.getByLabel("Name").first().fill("Wonka Industries");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create customer")).click();
		assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("History"))).isVisible();
		assertThat(page.locator(".audit-history")).containsText("name: Wonka Industries");
		page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target", "screenshots", "customer-history.png"))
			.setFullPage(true));
		assertThat(consoleProblems).isEmpty();
	}

}
