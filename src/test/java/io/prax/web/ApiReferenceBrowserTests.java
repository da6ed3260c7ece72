package io.prax.web;

import java.util.ArrayList;
import java.util.List;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import io.prax.identity.Onboarding;
import io.prax.support.Browser;
import io.prax.support.PraxIntegrationTest;
import io.prax.support.Tenants;
import io.prax.support.Tenants.TestTenant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The API reference renders every operation in Chromium under the enforced nonce CSP,
 * without a violation.
 */
@PraxIntegrationTest
class ApiReferenceBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	Onboarding onboarding;

	@Test
	void rendersTheOperationsWithoutAPolicyViolation() {
		TestTenant tenant = Tenants.newTenant(onboarding);
		List<String> problems = new ArrayList<>();
		try (Browser browser = Browser.launch();
				BrowserContext context = browser.newContext("http://localhost:" + port)) {
			context.addInitScript("window.__cspViolations = [];"
					+ "document.addEventListener('securitypolicyviolation', e => window.__cspViolations.push("
					+ "e.violatedDirective + ' ' + e.blockedURI));");
			Page page = context.newPage();
			page.onConsoleMessage(message -> {
				if ("error".equals(message.type()) || message.text().contains("Content Security Policy")) {
					problems.add(message.text());
				}
			});
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
			@SuppressWarnings("unchecked")
			List<String> violations = (List<String>) page.evaluate("window.__cspViolations");
			violations.forEach(v -> problems.add("CSP violation " + v));
		}
		assertThat(problems).isEmpty();
	}

}
