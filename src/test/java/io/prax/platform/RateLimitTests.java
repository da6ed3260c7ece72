package io.prax.platform;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import io.prax.PraxApplication;
import io.prax.identity.Onboarding;
import io.prax.support.PraxIntegrationTest;
import io.prax.support.Tenants;
import io.prax.support.Tenants.TestTenant;
import io.prax.support.TestDataDirectory;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rate limits per route family, with deliberately low limits, on two nodes sharing one
 * database: the buckets live in PostgreSQL, so the limits hold across both. Every test
 * uses fresh users and made-up addresses, so the low limits never reach other tests'
 * buckets.
 */
@PraxIntegrationTest
@TestPropertySource(properties = { "prax.rate-limits.auth.capacity=4", "prax.rate-limits.api-read.capacity=5",
		"prax.rate-limits.api-write.capacity=3", "prax.rate-limits.export.capacity=2" })
class RateLimitTests {

	static final JsonMapper JSON = JsonMapper.builder().build();

	static ConfigurableApplicationContext nodeB;

	@LocalServerPort
	int port;

	@Autowired
	Onboarding onboarding;

	TestTenant tenant;

	@BeforeAll
	static void startSecondNode() {
		nodeB = new SpringApplicationBuilder(PraxApplication.class).run("--server.port=0",
				"--prax.data-dir=" + TestDataDirectory.path(), "--prax.public-url=http://localhost",
				"--prax.mail.dispatch-interval=1h", "--prax.rate-limits.auth.capacity=4",
				"--prax.rate-limits.api-read.capacity=5", "--prax.rate-limits.api-write.capacity=3");
	}

	@AfterAll
	static void stopSecondNode() {
		if (nodeB != null) {
			nodeB.close();
		}
	}

	@BeforeEach
	void tenant() {
		tenant = Tenants.newTenant(onboarding);
	}

	@Test
	void limitsApiReadsPerUserWithRetryAfter() {
		String token = login(port);
		for (int i = 0; i < 5; i++) {
			assertThat(send(port, "GET", "/api/v1/me", null, token, null).statusCode()).isEqualTo(200);
		}

		HttpResponse<String> refused = send(port, "GET", "/api/v1/me", null, token, null);

		assertThat(refused.statusCode()).isEqualTo(429);
		assertThat(JSON.readTree(refused.body()).get("code").asString()).isEqualTo("rate_limited");
		assertThat(refused.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
		assertThat(Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 60L);
		TestTenant other = Tenants.newTenant(onboarding);
		String otherUser = login(port, other);
		assertThat(send(port, "GET", "/api/v1/me", null, otherUser, null).statusCode()).isEqualTo(200);
	}

	@Test
	void limitsApiWritesSeparatelyFromReads() {
		String token = login(port);
		for (int i = 0; i < 3; i++) {
			assertThat(send(port, "DELETE", "/api/v1/me/sessions/" + UUID.randomUUID(), null, token, null).statusCode())
				.isEqualTo(404);
		}

		assertThat(send(port, "DELETE", "/api/v1/me/sessions/" + UUID.randomUUID(), null, token, null).statusCode())
			.isEqualTo(429);
		assertThat(send(port, "GET", "/api/v1/me", null, token, null).statusCode()).isEqualTo(200);
	}

	@Test
	void limitsAuthenticationCallsPerAddress() {
		String address = randomAddress();
		for (int i = 0; i < 4; i++) {
			assertThat(send(port, "POST", "/api/v1/auth/refresh", Map.of("refreshToken", "garbage"), null, address)
				.statusCode()).isEqualTo(401);
		}

		HttpResponse<String> refused = send(port, "POST", "/api/v1/auth/refresh", Map.of("refreshToken", "garbage"),
				null, address);

		assertThat(refused.statusCode()).isEqualTo(429);
		assertThat(refused.headers().firstValue("Retry-After")).isPresent();
		assertThat(send(port, "POST", "/api/v1/auth/refresh", Map.of("refreshToken", "garbage"), null, randomAddress())
			.statusCode()).isEqualTo(401);
	}

	@Test
	void sharesLimitsBetweenNodes() {
		int portB = Integer.parseInt(nodeB.getEnvironment().getProperty("local.server.port"));
		String token = login(port);
		for (int i = 0; i < 3; i++) {
			assertThat(send(port, "GET", "/api/v1/me", null, token, null).statusCode()).isEqualTo(200);
		}
		for (int i = 0; i < 2; i++) {
			assertThat(send(portB, "GET", "/api/v1/me", null, token, null).statusCode()).isEqualTo(200);
		}

		assertThat(send(portB, "GET", "/api/v1/me", null, token, null).statusCode()).isEqualTo(429);
		assertThat(send(port, "GET", "/api/v1/me", null, token, null).statusCode()).isEqualTo(429);
	}

	/**
	 * Spring MVC decodes the path before routing: an encoded spelling must land in the
	 * same family.
	 */
	@Test
	void percentEncodingDoesNotDodgeTheAuthLimit() {
		String address = randomAddress();
		for (String path : new String[] { "/api/v1/%61uth/refresh", "/api/v1/auth/%72efresh", "/api/v1/auth/refresh",
				"/api/v1/auth/refresh" }) {
			assertThat(send(port, "POST", path, Map.of("refreshToken", "garbage"), null, address).statusCode()).as(path)
				.isEqualTo(401);
		}

		assertThat(send(port, "POST", "/api/v1/auth/refresh", Map.of("refreshToken", "garbage"), null, address)
			.statusCode()).isEqualTo(429);
		assertThat(send(port, "POST", "/api/v1/%61uth/refresh", Map.of("refreshToken", "garbage"), null, address)
			.statusCode()).isEqualTo(429);
	}

	@Test
	void normalisesPathsAsSpringRoutesThem() {
		assertThat(familyOf("POST", "/api/v1/%61uth/login")).isEqualTo(RateLimitFilter.Family.AUTH);
		assertThat(familyOf("POST", "/api/v1/auth/login;jsessionid=1")).isEqualTo(RateLimitFilter.Family.AUTH);
		assertThat(familyOf("POST", "/api//v1/./auth/login/")).isEqualTo(RateLimitFilter.Family.AUTH);
		assertThat(familyOf("POST", "/api/v1/customers/../auth/login")).isEqualTo(RateLimitFilter.Family.AUTH);
		assertThat(familyOf("POST", "/API/V1/Auth/Login")).isEqualTo(RateLimitFilter.Family.AUTH);
		assertThat(familyOf("POST", "/%4cogin")).isEqualTo(RateLimitFilter.Family.AUTH);
		assertThat(familyOf("GET", "/api/v1/audit/%65xport")).isEqualTo(RateLimitFilter.Family.EXPORT);
		assertThat(familyOf("GET", "/api/v1/admin/export/tenant.zip")).isEqualTo(RateLimitFilter.Family.EXPORT);
		assertThat(familyOf("GET", "/api/v1/authority")).isEqualTo(RateLimitFilter.Family.API_READ);
		assertThat(familyOf("GET", "/login")).isNull();
	}

	@Test
	void countsTheAuditExportInTheExportFamily() {
		String token = login(port);
		for (int i = 0; i < 2; i++) {
			assertThat(send(port, "GET", "/api/v1/audit/export", null, token, null).statusCode()).isEqualTo(200);
		}

		assertThat(send(port, "GET", "/api/v1/audit/export", null, token, null).statusCode()).isEqualTo(429);
		assertThat(send(port, "GET", "/api/v1/me", null, token, null).statusCode()).isEqualTo(200);
	}

	@Test
	void countsRequestsRefusedForWantOfAuthentication() {
		String address = randomAddress();
		for (int i = 0; i < 5; i++) {
			assertThat(send(port, "GET", "/api/v1/me", null, null, address).statusCode()).isEqualTo(401);
		}

		HttpResponse<String> refused = send(port, "GET", "/api/v1/me", null, null, address);

		assertThat(refused.statusCode()).isEqualTo(429);
		assertThat(JSON.readTree(refused.body()).get("code").asString()).isEqualTo("rate_limited");
	}

	@Test
	void countsRequestsRefusedByTheCsrfCheck() {
		String address = randomAddress();
		for (int i = 0; i < 4; i++) {
			HttpResponse<String> forged = sendForm(port, "/login", "tenant=t&email=e%40x.example&password=p", address);
			assertThat(forged.statusCode()).isEqualTo(302);
			assertThat(forged.headers().firstValue("Location").orElseThrow()).endsWith("/login?expired");
		}

		assertThat(sendForm(port, "/login", "tenant=t&email=e%40x.example&password=p", address).statusCode())
			.isEqualTo(429);
	}

	private static RateLimitFilter.Family familyOf(String method, String uri) {
		org.springframework.mock.web.MockHttpServletRequest request = new org.springframework.mock.web.MockHttpServletRequest(
				method, uri);
		return RateLimitFilter.familyOf(request);
	}

	private static HttpResponse<String> sendForm(int port, String path, String form, String address) {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("X-Forwarded-For", address)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build();
		try {
			return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (Exception ex) {
			throw new AssertionError(ex);
		}
	}

	private String login(int port) {
		return login(port, tenant);
	}

	private static String login(int port, TestTenant tenant) {
		HttpResponse<String> response = send(port, "POST", "/api/v1/auth/login",
				Map.of("tenant", tenant.slug(), "email", tenant.adminEmail(), "password", Tenants.PASSWORD), null,
				randomAddress());
		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode body = JSON.readTree(response.body());
		return body.get("accessToken").asString();
	}

	private static HttpResponse<String> send(int port, String method, String path, @Nullable Object body,
			@Nullable String token, @Nullable String address) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		if (address != null) {
			request.header("X-Forwarded-For", address);
		}
		if (body != null) {
			request.header("Content-Type", "application/json")
				.method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
		}
		else {
			request.method(method, HttpRequest.BodyPublishers.noBody());
		}
		try {
			return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (Exception ex) {
			throw new AssertionError(ex);
		}
	}

	private static String randomAddress() {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		return "198." + (18 + random.nextInt(2)) + "." + random.nextInt(256) + "." + (1 + random.nextInt(254));
	}

}
