package io.prax.web;

import java.util.ArrayList;
import java.util.List;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import io.prax.identity.Onboarding;
import io.prax.support.BrowserTest;
import io.prax.support.Browsing;
import io.prax.support.PraxIntegrationTest;
import io.prax.support.Tenants;
import io.prax.support.Tenants.TestTenant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The password rules and strength meter work under the strict CSP, and a refused password
 * marks its rule on the page; the user import page loads without a policy violation too.
 */
@PraxIntegrationTest
@BrowserTest
class PasswordRulesBrowserTests {

	@Autowired
	Onboarding onboarding;

	@Test
	void theMeterRatesAsYouTypeAndTheRefusedRuleIsMarked(Browsing browsing) {
		TestTenant tenant = Tenants.newTenant(onboarding);
		List<String> problems = new ArrayList<>();
		BrowserContext context = browsing.contextRecordingCspViolations();
		Page page = context.newPage();
		page.onConsoleMessage(message -> {
			if ("error".equals(message.type())) {
				problems.add(page.url() + ": " + message.text());
			}
		});
		page.navigate("/login");
		page.getByLabel("Workspace").fill(tenant.slug());
		page.getByLabel("Email").fill(tenant.adminEmail());
		page.getByLabel("Password").fill(Tenants.PASSWORD);
		page.locator("form button[type=submit]").first().click();
		page.waitForURL(url -> !url.contains("/login"));

		page.navigate("/me/security");
		page.locator("#newPassword").pressSequentially("abc");
		assertThat(page.locator("[data-strength-label]").textContent()).contains("3 of at least 12");
		page.locator("#newPassword").fill("");
		page.locator("#newPassword").pressSequentially("violet quartz harbour melody");
		assertThat(Double.parseDouble(page.locator("[data-strength-meter]").evaluate("m => m.value").toString()))
			.isGreaterThanOrEqualTo(3);

		page.locator("#currentPassword").fill(Tenants.PASSWORD);
		page.locator("#newPassword").fill("P@ssw0rd2024!");
		page.locator("#confirmPassword").fill("P@ssw0rd2024!");
		page.locator("form[action$='/me/password'] button[type=submit]").click();
		page.waitForLoadState();
		assertThat(page.locator("[data-rule='password_breached']").getAttribute("data-rule-failed")).isEqualTo("true");
		assertThat(page.locator("#newPassword-error").textContent()).contains("too common");
		collect(page, problems);

		page.navigate("/admin/users/import");
		assertThat(page.locator("input[type=file][name=file]").count()).isEqualTo(1);
		collect(page, problems);
		assertThat(problems).isEmpty();
	}

	private static void collect(Page page, List<String> problems) {
		Browsing.cspViolations(page).forEach(v -> problems.add(page.url() + ": CSP " + v));
	}

}
