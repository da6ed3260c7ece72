package io.prax.identity;

import java.util.HashMap;
import java.util.Map;

import io.prax.support.Api;
import io.prax.support.PraxIntegrationTest;
import io.prax.tenancy.TenantDirectory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Public sign-up (enabled here): a tenant and its first administrator, all or nothing.
 */
@PraxIntegrationTest
@TestPropertySource(properties = "prax.signup-enabled=true")
class OnboardingTests {

	@LocalServerPort
	int port;

	@Autowired
	TenantDirectory tenants;

	Api api;

	@BeforeEach
	void api() {
		api = new Api(port);
	}

	@Test
	void signsUpATenantWhoseAdministratorCanSignIn() {
		String slug = "signup-" + System.nanoTime();
		var signup = api.post("/api/v1/signup", request(slug, "a sufficiently long password"), null);

		assertThat(signup.status()).isEqualTo(201);
		assertThat(signup.text("tenant")).isEqualTo(slug);
		assertThat(signup.text("tenantId")).isNotBlank();
		assertThat(signup.text("adminUserId")).isNotBlank();
		String token = api.login(slug, "founder@" + slug + ".example", "a sufficiently long password").access();
		var me = api.get("/api/v1/me", token);
		assertThat(me.text("tier")).isEqualTo("ADMIN");
		assertThat(me.text("tenant")).isEqualTo(slug);
	}

	@Test
	void showsTheSignUpPage() {
		var page = api.get("/signup", null);

		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("name=\"tenantSlug\"")
			.contains("name=\"adminEmail\"")
			.contains("name=\"adminPassword\"")
			.contains("name=\"region\"");
	}

	@Test
	void writesNothingWhenTheAdministratorsPasswordIsRefused() {
		String slug = "weak-" + System.nanoTime();

		var signup = api.post("/api/v1/signup", request(slug, "too short"), null);

		assertThat(signup.status()).isEqualTo(400);
		assertThat(signup.code()).isEqualTo("password_too_short");
		assertThat(tenants.findBySlug(slug)).isEmpty();
	}

	@Test
	void reportsEveryInvalidFieldAtOnce() {
		Map<String, Object> body = new HashMap<>(request("X", "a sufficiently long password"));
		body.put("adminEmail", "nope");
		body.put("region", "MARS");

		var signup = api.post("/api/v1/signup", body, null);

		assertThat(signup.status()).isEqualTo(400);
		assertThat(signup.json().get("errors").propertyNames()).contains("tenantSlug", "region", "adminEmail");
	}

	/**
	 * Anyone may call sign-up: what it stores is bounded, and oversized input is refused,
	 * not cut.
	 */
	@Test
	void refusesOversizedFieldsAndWritesNothing() {
		String slug = "big-" + System.nanoTime();
		Map<String, Object> body = new HashMap<>(request(slug + "x".repeat(60), "a sufficiently long password"));
		body.put("tenantName", "N".repeat(201));
		body.put("adminName", "A".repeat(200_000));
		body.put("adminEmail", "e".repeat(250) + "@x.example");

		var signup = api.post("/api/v1/signup", body, null);

		assertThat(signup.status()).isEqualTo(400);
		assertThat(signup.code()).isEqualTo("validation_failed");
		assertThat(signup.json().get("errors").propertyNames()).contains("tenantSlug", "tenantName", "adminName",
				"adminEmail");
		assertThat(tenants.findBySlug(slug + "x".repeat(60))).isEmpty();
		assertThat(api.post("/api/v1/signup", request(slug, "p".repeat(129)), null).code())
			.isEqualTo("password_too_long");
		assertThat(tenants.findBySlug(slug)).isEmpty();
	}

	@Test
	void refusesATakenWorkspaceId() {
		String slug = "taken-" + System.nanoTime();
		api.post("/api/v1/signup", request(slug, "a sufficiently long password"), null);

		var again = api.post("/api/v1/signup", request(slug, "a sufficiently long password"), null);

		assertThat(again.status()).isEqualTo(400);
		assertThat(again.json().get("errors").get("tenantSlug").asString()).contains("taken");
	}

	private static Map<String, Object> request(String slug, String password) {
		return Map.of("tenantSlug", slug, "tenantName", "Founders Inc", "region", "EU", "adminEmail",
				"founder@" + slug + ".example", "adminName", "Fran Founder", "adminPassword", password);
	}

}
