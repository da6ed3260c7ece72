package io.prax.session;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import io.prax.identity.IdentityManagement;
import io.prax.identity.Onboarding;
import io.prax.identity.Tier;
import io.prax.identity.UserAccount;
import io.prax.support.Api;
import io.prax.support.PraxIntegrationTest;
import io.prax.support.Tenants;
import io.prax.support.Tenants.TestTenant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Brute-force protection: per-account lockout and per-address throttling, answers that reveal
 * neither whether an account exists nor whether it is locked, and an administrator's unlock.
 * Each test speaks from its own made-up addresses (X-Forwarded-For from the loopback proxy).
 */
@PraxIntegrationTest
class SignInProtectionTests {

	static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Autowired
	Onboarding onboarding;

	@Autowired
	IdentityManagement identity;

	TestTenant tenant;
	UserAccount employee;

	@BeforeEach
	void tenant() {
		tenant = Tenants.newTenant(onboarding);
		employee = Tenants.newUser(identity, tenant, Tier.EMPLOYEE, List.of("VIEWER"), null);
	}

	@Test
	void locksAnAccountAfterFiveFailuresAndAnswersLikeAWrongPassword() {
		String attacker = randomAddress();
		HttpResponse<String> wrong = null;
		for (int i = 0; i < 5; i++) {
			wrong = login(employee.email(), "wrong password " + i, attacker);
			assertThat(wrong.statusCode()).isEqualTo(401);
		}

		HttpResponse<String> locked = login(employee.email(), Tenants.PASSWORD, randomAddress());

		assertThat(locked.statusCode()).isEqualTo(401);
		assertThat(locked.body()).isEqualTo(wrong.body());
		assertThat(locked.headers().firstValue("Content-Type")).isEqualTo(wrong.headers().firstValue("Content-Type"));
	}

	@Test
	void administratorUnlocksALockedAccount() {
		String attacker = randomAddress();
		for (int i = 0; i < 5; i++) {
			login(employee.email(), "wrong password " + i, attacker);
		}
		assertThat(login(employee.email(), Tenants.PASSWORD, randomAddress()).statusCode()).isEqualTo(401);
		Api api = new Api(port);
		Api.Tokens admin = api.login(tenant.slug(), tenant.adminEmail(), Tenants.PASSWORD);

		assertThat(api.post("/api/v1/admin/users/" + employee.id() + "/unlock", null, admin.access()).status())
			.isEqualTo(204);

		assertThat(login(employee.email(), Tenants.PASSWORD, randomAddress()).statusCode()).isEqualTo(200);
	}

	@Test
	void letsTheOwnerInFromAnAddressTheySignedInFromBefore() {
		String home = randomAddress();
		assertThat(login(employee.email(), Tenants.PASSWORD, home).statusCode()).isEqualTo(200);
		String attacker = randomAddress();
		for (int i = 0; i < 5; i++) {
			login(employee.email(), "wrong password " + i, attacker);
		}

		assertThat(login(employee.email(), Tenants.PASSWORD, attacker).statusCode()).isEqualTo(401);
		assertThat(login(employee.email(), Tenants.PASSWORD, home).statusCode()).isEqualTo(200);
	}

	@Test
	void refusesAnAddressAfterTwentyFailures() {
		String attacker = randomAddress();
		for (int i = 0; i < 20; i++) {
			assertThat(login("nobody" + i + "@example.com", "guess " + i, attacker).statusCode()).isEqualTo(401);
		}

		HttpResponse<String> refused = login(tenant.adminEmail(), Tenants.PASSWORD, attacker);

		assertThat(refused.statusCode()).isEqualTo(429);
		assertThat(JSON.readTree(refused.body()).get("code").asString()).isEqualTo("rate_limited");
		long retryAfter = Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow());
		assertThat(retryAfter).isBetween(1L, 15 * 60L);
		assertThat(login(tenant.adminEmail(), Tenants.PASSWORD, randomAddress()).statusCode()).isEqualTo(200);
	}

	@Test
	void throttlesPasswordResetRequestsPerAddress() {
		String flooder = randomAddress();
		for (int i = 0; i < 20; i++) {
			assertThat(post("/api/v1/auth/password-reset", Map.of("tenant", tenant.slug(), "email", employee.email()),
					flooder).statusCode()).isEqualTo(202);
		}

		HttpResponse<String> refused = post("/api/v1/auth/password-reset",
				Map.of("tenant", tenant.slug(), "email", employee.email()), flooder);

		assertThat(refused.statusCode()).isEqualTo(429);
		assertThat(refused.headers().firstValue("Retry-After")).isPresent();
	}

	@Test
	void answersUnknownUserWrongPasswordAndUnknownWorkspaceIdentically() {
		String address = randomAddress();
		HttpResponse<String> wrongPassword = login(employee.email(), "not the password", address);
		HttpResponse<String> unknownUser = login("nobody@" + tenant.slug() + ".example", Tenants.PASSWORD, address);
		HttpResponse<String> unknownWorkspace = post("/api/v1/auth/login", Map.of("tenant", "no-such-workspace",
				"email", employee.email(), "password", Tenants.PASSWORD), address);

		assertThat(wrongPassword.statusCode()).isEqualTo(401);
		assertThat(unknownUser.statusCode()).isEqualTo(401);
		assertThat(unknownWorkspace.statusCode()).isEqualTo(401);
		assertThat(unknownUser.body()).isEqualTo(wrongPassword.body());
		assertThat(unknownWorkspace.body()).isEqualTo(wrongPassword.body());
		assertThat(headerNames(unknownUser)).isEqualTo(headerNames(wrongPassword));
	}

	/**
	 * Unknown user and wrong password take statistically similar time: medians over 40 alternating
	 * tries each (each from a fresh address, so the address limit does not interfere) within 3x.
	 */
	@Test
	void unknownUserAndWrongPasswordTakeSimilarTime() {
		List<Long> wrongPassword = new ArrayList<>();
		List<Long> unknownUser = new ArrayList<>();
		login(employee.email(), "warm up", randomAddress());
		login("warm-up@" + tenant.slug() + ".example", "warm up", randomAddress());
		long deadline = System.nanoTime() + 120_000_000_000L;
		for (int i = 0; i < 40 && System.nanoTime() < deadline; i++) {
			wrongPassword.add(timed(employee.email()));
			unknownUser.add(timed("nobody-" + i + "@" + tenant.slug() + ".example"));
		}

		assertThat(wrongPassword).hasSizeGreaterThanOrEqualTo(10);
		double ratio = (double) median(wrongPassword) / median(unknownUser);
		assertThat(ratio).as("median wrong password / median unknown user").isBetween(1 / 3.0, 3.0);
	}

	private long timed(String email) {
		long start = System.nanoTime();
		HttpResponse<String> response = login(email, "wrong password", randomAddress());
		long elapsed = System.nanoTime() - start;
		assertThat(response.statusCode()).isEqualTo(401);
		return elapsed;
	}

	private static long median(List<Long> values) {
		List<Long> sorted = new ArrayList<>(values);
		Collections.sort(sorted);
		return sorted.get(sorted.size() / 2);
	}

	private static List<String> headerNames(HttpResponse<String> response) {
		return response.headers()
			.map()
			.keySet()
			.stream()
			.filter(name -> !name.equalsIgnoreCase("date") && !name.equalsIgnoreCase("content-length"))
			.sorted()
			.toList();
	}

	private HttpResponse<String> login(String email, String password, String address) {
		return post("/api/v1/auth/login", Map.of("tenant", tenant.slug(), "email", email, "password", password),
				address);
	}

	private HttpResponse<String> post(String path, Object body, String address) {
		try {
			return HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
					.header("Content-Type", "application/json")
					.header("X-Forwarded-For", address)
					.POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
					.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (Exception ex) {
			throw new AssertionError(ex);
		}
	}

	/** An address from the documentation range 198.18.0.0/15 (benchmarking), unique enough per test. */
	private static String randomAddress() {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		return "198." + (18 + random.nextInt(2)) + "." + random.nextInt(256) + "." + (1 + random.nextInt(254));
	}
}
