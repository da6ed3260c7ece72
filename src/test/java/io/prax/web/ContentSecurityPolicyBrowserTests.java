package io.prax.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import io.prax.identity.Onboarding;
import io.prax.support.Api;
import io.prax.support.BrowserTest;
import io.prax.support.Browsing;
import io.prax.support.PraxIntegrationTest;
import io.prax.support.Tenants;
import io.prax.support.Tenants.TestTenant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every main page, loaded in Chromium with the real nonce Content-Security-Policy
 * enforced, works without a single policy violation: no inline script or style slipped
 * into a template.
 */
@PraxIntegrationTest
@BrowserTest
class ContentSecurityPolicyBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	Onboarding onboarding;

	@Test
	void loadsEveryMainPageWithoutAPolicyViolation(Browsing browsing) {
		TestTenant tenant = Tenants.newTenant(onboarding);
		Api api = new Api(port);
		Api.Tokens admin = api.login(tenant.slug(), tenant.adminEmail(), Tenants.PASSWORD);
		String customerId = api.post("/api/v1/customers", Map.of("name", "Wonka Industries"), admin.access())
			.text("id");
		List<String> problems = new ArrayList<>();
		BrowserContext context = browsing.contextRecordingCspViolations();
		Page page = context.newPage();
		page.onConsoleMessage(message -> {
			if ("error".equals(message.type()) || message.text().contains("Content Security Policy")) {
				problems.add(page.url() + ": " + message.text());
			}
		});

		visit(page, "/password/forgot", problems);
		visit(page, "/login", problems);
		page.getByLabel("Workspace").fill(tenant.slug());
		page.getByLabel("Email").fill(tenant.adminEmail());
		page.getByLabel("Password").fill(Tenants.PASSWORD);
		page.locator("form button[type=submit]").first().click();
		page.waitForURL(url -> !url.contains("/login"));

		for (String path : List.of("/", "/customers", "/customers/" + customerId, "/customers/new", "/admin/users",
				"/admin/users/" + tenant.admin().id(),
				"/admin/users/" + tenant.admin().id() + "?explain=customers:view", "/admin/roles",
				"/admin/roles/MANAGER", "/admin/designations", "/admin/feature-gates", "/audit", "/me", "/me/security",
				"/me/sessions", "/admin/sessions")) {
			visit(page, path, problems);
		}
		assertThat(problems).isEmpty();
	}

	private static void visit(Page page, String path, List<String> problems) {
		Response response = page.navigate(path);
		assertThat(response.status()).as(path).isEqualTo(200);
		assertThat(response.headers().get("content-security-policy")).as(path).contains("'nonce-");
		page.waitForLoadState(com.microsoft.playwright.options.LoadState.NETWORKIDLE);
		Browsing.cspViolations(page).forEach(v -> problems.add(path + ": CSP violation " + v));
	}

}
