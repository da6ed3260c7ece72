package io.prax.audit;

import java.util.List;
import java.util.Map;

import io.prax.identity.UserLifecycle;
import io.prax.identity.Onboarding;
import io.prax.identity.Tier;
import io.prax.support.Api;
import io.prax.support.PraxIntegrationTest;
import io.prax.support.Tenants;
import io.prax.support.Tenants.TestTenant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** The Audit page: events with filters and paging, and the "Verify integrity" result. */
@PraxIntegrationTest
class AuditPageTests {

	@LocalServerPort
	int port;

	@Autowired
	Onboarding onboarding;

	@Autowired
	UserLifecycle identity;

	Api api;

	TestTenant tenant;

	String token;

	@BeforeEach
	void setUp() {
		api = new Api(port);
		tenant = Tenants.newTenant(onboarding);
		token = api.login(tenant.slug(), tenant.adminEmail(), Tenants.PASSWORD).access();
		api.post("/api/v1/customers", Map.of("name", "Page Customer"), token);
	}

	@Test
	void listsEventsAndOffersTheIntegrityCheckToAdministrators() {
		var page = html("/audit", token);

		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("Verify integrity", "name: Page Customer",
				"<span class=\"badge\">auth.sign_in</span>", "href=\"/audit\"");
		assertThat(html("/audit?action=create&entityType=customer", token).body()).contains("Page Customer")
			.doesNotContain("<span class=\"badge\">auth.sign_in</span>");
	}

	@Test
	void showsAGreenResultForAnIntactChain() {
		var result = api.send("GET", "/audit/verify", null, token);
		var fragment = htmx("/audit/verify");

		assertThat(result.body()).contains("data-verification=\"valid\"", "The audit log is intact");
		assertThat(fragment).contains("data-verification=\"valid\"").doesNotContain("<html");
	}

	@Test
	void hidesThePageFromUsersWithoutAuditPermission() {
		var viewer = Tenants.newUser(identity, tenant, Tier.EMPLOYEE, List.of("VIEWER"), null);
		String viewerToken = api.login(tenant.slug(), viewer.email(), Tenants.PASSWORD).access();

		assertThat(html("/audit", viewerToken).status()).isEqualTo(403);
		assertThat(html("/customers", viewerToken).body()).doesNotContain("href=\"/audit\"");
	}

	@Test
	void showsARecordsHistoryOnlyToUsersWhoMaySeeTheAuditLog() {
		String id = api.get("/api/v1/customers", token).json().get("items").get(0).get("id").asString();
		var viewer = Tenants.newUser(identity, tenant, Tier.EMPLOYEE, List.of("VIEWER"), null);
		String viewerToken = api.login(tenant.slug(), viewer.email(), Tenants.PASSWORD).access();

		assertThat(html("/customers/" + id, token).body())
			.contains("/audit/history?entityType=customer&amp;entityId=" + id);
		assertThat(html("/audit/history?entityType=customer&entityId=" + id, token).body()).contains("History",
				"name: Page Customer");
		var hidden = html("/audit/history?entityType=customer&entityId=" + id, viewerToken);
		assertThat(hidden.status()).isEqualTo(200);
		assertThat(hidden.body()).isBlank();
	}

	private Api.Response html(String path, String bearer) {
		return api.send("GET", path, null, bearer);
	}

	private String htmx(String path) {
		try {
			var response = java.net.http.HttpClient.newHttpClient()
				.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + path))
					.header("Authorization", "Bearer " + token)
					.header("HX-Request", "true")
					.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
			return response.body();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
