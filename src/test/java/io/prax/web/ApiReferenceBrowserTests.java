package io.prax.web;

import java.util.List;

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
 * The API reference renders every operation in Chromium under the enforced nonce CSP,
 * without a violation.
 */
@PraxIntegrationTest
@BrowserTest
class ApiReferenceBrowserTests {

	@Autowired
	Onboarding onboarding;

	@Test
	void rendersTheOperationsWithoutAPolicyViolation(Browsing browsing) {
		TestTenant tenant = Tenants.newTenant(onboarding);
		List<String> problems = browsing.consoleProblems();
		browsing.contextRecordingCspViolations();
		Page page = browsing.page();
		page.navigate("/login");
		page.getByLabel("Workspace").fill(tenant.slug());
		page.getByLabel("Email").fill(tenant.adminEmail());
		page.getByLabel("Password").fill(Tenants.PASSWORD);
		page.locator("form button[type=submit]").first().click();
		page.waitForURL(url -> !url.contains("/login"));

		page.navigate("/api-reference");
		page.locator(".opblock-summary").first().waitFor();
		page.waitForLoadState(com.microsoft.playwright.options.LoadState.NETWORKIDLE);
		assertThat(page.locator(".opblock-summary").count()).isGreaterThan(50);
		assertThat(page.content()).contains("Sign in with a password and get tokens");
		Browsing.cspViolations(page).forEach(v -> problems.add("CSP violation " + v));
		assertThat(problems).isEmpty();
	}

}
