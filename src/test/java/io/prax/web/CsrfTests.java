package io.prax.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import io.prax.identity.Onboarding;
import io.prax.support.Api;
import io.prax.support.PraxIntegrationTest;
import io.prax.support.Tenants;
import io.prax.support.Tenants.TestTenant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A state change carried by the browser's session cookie needs the CSRF token; a bearer
 * call does not.
 */
@PraxIntegrationTest
class CsrfTests {

	@LocalServerPort
	int port;

	@Autowired
	Onboarding onboarding;

	@Test
	void refusesACookieAuthenticatedFormPostWithoutCsrfToken() throws Exception {
		TestTenant tenant = Tenants.newTenant(onboarding);
		Api api = new Api(port);
		String access = api.login(tenant.slug(), tenant.adminEmail(), Tenants.PASSWORD).access();

		HttpResponse<String> forged = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/customers"))
				.header("Cookie", "prax_access=" + access)
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString("name=Forged+Customer"))
				.build(), HttpResponse.BodyHandlers.ofString());
		HttpResponse<String> forgedApi = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/customers"))
				.header("Cookie", "prax_access=" + access)
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"Forged API Customer\"}"))
				.build(), HttpResponse.BodyHandlers.ofString());

		assertThat(forged.statusCode()).isEqualTo(302);
		assertThat(forged.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).contains("/login"));
		assertThat(forgedApi.statusCode()).isEqualTo(403);
		assertThat(forgedApi.body()).contains("csrf_invalid");
		assertThat(api.get("/api/v1/customers", access).body()).doesNotContain("Forged");
		assertThat(api.post("/api/v1/customers", Map.of("name", "Bearer Customer"), access).status()).isEqualTo(201);
	}

}
