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
 * Rate limits per route family, with deliberately low limits, on two nodes sharing one database:
 * the buckets live in PostgreSQL, so the limits hold across both. Every test uses fresh users and
 * made-up addresses, so the low limits never reach other tests' buckets.
 */
@PraxIntegrationTest
@TestPropertySource(properties = { "prax.rate-limits.auth.capacity=4", "prax.rate-limits.api-read.capacity=5",
		"prax.rate-limits.api-write.capacity=3" })
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
		assertThat(send(port, "POST", "/api/v1/auth/refresh", Map.of("refreshToken", "garbage"), null,
				randomAddress()).statusCode()).isEqualTo(401);
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
