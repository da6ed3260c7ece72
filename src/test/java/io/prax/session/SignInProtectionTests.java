package io.prax.session;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import io.prax.audit.AuditEventView;
import io.prax.audit.AuditManagement;
import io.prax.audit.AuditQuery;
import io.prax.identity.UserLifecycle;
import io.prax.identity.Onboarding;
import io.prax.identity.Tier;
import io.prax.identity.UserAccount;
import io.prax.support.Api;
import io.prax.support.PraxIntegrationTest;
import io.prax.support.Tenants;
import io.prax.support.Tenants.TestTenant;
import io.prax.tenancy.TenantContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Brute-force protection: per-account lockout and per-address throttling, answers that
 * reveal neither whether an account exists nor whether it is locked, and an
 * administrator's unlock. Each test speaks from its own made-up addresses
 * (X-Forwarded-For from the loopback proxy).
 */
@PraxIntegrationTest
@TestPropertySource(properties = "prax.sign-in.ip-failures=20")
class SignInProtectionTests {

	static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Autowired
	Onboarding onboarding;

	@Autowired
	UserLifecycle identity;

	@Autowired
	AuditManagement audit;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	TransactionTemplate transactions;

	TestTenant tenant;

	UserAccount employee;

	@BeforeEach
	void tenant() {
		tenant = Tenants.newTenant(onboarding);
		employee = Tenants.newUser(identity, tenant, Tier.EMPLOYEE, List.of("VIEWER"), null);
	}

	/**
	 * Issue 8: a locked account says so (429 with when to retry), even to the right
	 * password.
	 */
	@Test
	void locksAnAccountAfterFiveFailuresAndSaysWhenToTryAgain() {
		String attacker = randomAddress();
		for (int i = 0; i < 5; i++) {
			assertThat(login(employee.email(), "wrong password " + i, attacker).statusCode()).isEqualTo(401);
		}

		HttpResponse<String> locked = login(employee.email(), Tenants.PASSWORD, randomAddress());

		assertThat(locked.statusCode()).isEqualTo(429);
		assertThat(JSON.readTree(locked.body()).get("code").asString()).isEqualTo("too_many_attempts");
		long retryAfter = Long.parseLong(locked.headers().firstValue("Retry-After").orElseThrow());
		assertThat(retryAfter).isBetween(14 * 60L, 15 * 60L);
	}

	/**
	 * Unknown accounts are counted like real ones: after the same failures, the same
	 * answer.
	 */
	@Test
	void aLockedUnknownAccountAnswersExactlyLikeALockedRealOne() {
		String unknown = "nobody-" + UUID.randomUUID() + "@" + tenant.slug() + ".example";
		for (int i = 0; i < 5; i++) {
			login(employee.email(), "wrong password " + i, randomAddress());
			login(unknown, "wrong password " + i, randomAddress());
		}

		HttpResponse<String> real = login(employee.email(), Tenants.PASSWORD, randomAddress());
		HttpResponse<String> fake = login(unknown, Tenants.PASSWORD, randomAddress());

		assertThat(fake.statusCode()).isEqualTo(real.statusCode()).isEqualTo(429);
		assertThat(fake.body()).isEqualTo(real.body());
		assertThat(headerNames(fake)).isEqualTo(headerNames(real)).contains("retry-after");
		assertThat(fake.headers().firstValue("Content-Type")).isEqualTo(real.headers().firstValue("Content-Type"));
		long realWait = Long.parseLong(real.headers().firstValue("Retry-After").orElseThrow());
		long fakeWait = Long.parseLong(fake.headers().firstValue("Retry-After").orElseThrow());
		assertThat(Math.abs(realWait - fakeWait)).isLessThanOrEqualTo(5);
	}

	/** The sign-in page tells a locked-out user when to try again. */
	@Test
	void theSignInPageSaysWhenToTryAgain() {
		String attacker = randomAddress();
		for (int i = 0; i < 5; i++) {
			login(employee.email(), "wrong password " + i, attacker);
		}

		HttpResponse<String> page = signInPage(employee.email(), Tenants.PASSWORD, randomAddress());

		assertThat(page.statusCode()).isEqualTo(429);
		assertThat(page.headers().firstValue("Retry-After")).isPresent();
		assertThat(page.body()).containsPattern("Try again in 1[45] minutes \\(at \\d\\d:\\d\\d UTC\\)");
	}

	@Test
	void administratorUnlocksALockedAccount() {
		String attacker = randomAddress();
		for (int i = 0; i < 5; i++) {
			login(employee.email(), "wrong password " + i, attacker);
		}
		assertThat(login(employee.email(), Tenants.PASSWORD, randomAddress()).statusCode()).isEqualTo(429);
		Api api = new Api(port);
		Api.Tokens admin = api.login(tenant.slug(), tenant.adminEmail(), Tenants.PASSWORD);

		assertThat(api.post("/api/v1/admin/users/" + employee.id() + "/unlock", null, admin.access()).status())
			.isEqualTo(204);

		assertThat(login(employee.email(), Tenants.PASSWORD, randomAddress()).statusCode()).isEqualTo(200);
		List<AuditEventView> unlocked = events("auth.sign_in_unlocked");
		assertThat(unlocked).hasSize(1);
		assertThat(unlocked.get(0).actorId()).isEqualTo(tenant.admin().id().value());
		assertThat(unlocked.get(0).sessionId()).hasToString(admin.sessionId());
		assertThat(unlocked.get(0).entityId()).isEqualTo(employee.id().toString());
		assertThat(unlocked.get(0).changes().get("wasLocked").asBoolean()).isTrue();
	}

	/** Over-long input is refused before anything is counted, stored or audited. */
	@Test
	void refusesOverLongInputBeforeCountingOrAuditingIt() {
		String address = randomAddress();
		String longEmail = "a".repeat(250) + "@x.io";
		List<HttpResponse<String>> refused = List.of(login(longEmail, "wrong password", address),
				login("x".repeat(200_000) + "@" + tenant.slug() + ".example", "wrong password", address),
				login(employee.email(), "p".repeat(1025), address),
				post("/api/v1/auth/login",
						Map.of("tenant", "t".repeat(64), "email", employee.email(), "password", "wrong password"),
						address),
				post("/api/v1/auth/password-reset", Map.of("tenant", tenant.slug(), "email", longEmail), address));

		assertThat(refused).allSatisfy(response -> {
			assertThat(response.statusCode()).isEqualTo(400);
			assertThat(JSON.readTree(response.body()).get("code").asString()).isEqualTo("validation_failed");
		});
		assertThat(events("auth.sign_in_failed")).isEmpty();
		assertThat(jdbc.queryForObject("select count(*) from sign_in_throttle where key in (?, ?)", Integer.class,
				SignInThrottle.addressKey(address), SignInThrottle.resetAddressKey(address)))
			.isZero();
		assertThat(login("a".repeat(240) + "@x.io", "wrong password", address).statusCode()).isEqualTo(401);
	}

	/**
	 * A lock holds from every address, one the owner signed in from before too: else
	 * whoever shares that address (an office network, a shared machine) could guess on
	 * while the account is locked. Only the lock's end or an administrator's unlock lets
	 * the owner in again.
	 */
	@Test
	void refusesALockedAccountEvenFromAnAddressItSignedInFromBefore() {
		String home = randomAddress();
		assertThat(login(employee.email(), Tenants.PASSWORD, home).statusCode()).isEqualTo(200);
		String attacker = randomAddress();
		for (int i = 0; i < 5; i++) {
			login(employee.email(), "wrong password " + i, attacker);
		}
		int sessionsBefore = sessionsOf(employee);

		HttpResponse<String> fromAttacker = login(employee.email(), Tenants.PASSWORD, attacker);
		HttpResponse<String> fromHome = login(employee.email(), Tenants.PASSWORD, home);
		HttpResponse<String> pageFromHome = signInPage(employee.email(), Tenants.PASSWORD, home);

		assertThat(fromHome.statusCode()).isEqualTo(fromAttacker.statusCode()).isEqualTo(429);
		assertThat(JSON.readTree(fromHome.body()).get("code").asString()).isEqualTo("too_many_attempts");
		assertThat(fromHome.body()).isEqualTo(fromAttacker.body());
		assertThat(fromHome.headers().firstValue("Retry-After")).isPresent();
		assertThat(pageFromHome.statusCode()).isEqualTo(429);
		assertThat(pageFromHome.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("prax_"));
		assertThat(sessionsOf(employee)).isEqualTo(sessionsBefore);

		Api api = new Api(port);
		Api.Tokens admin = api.login(tenant.slug(), tenant.adminEmail(), Tenants.PASSWORD);
		assertThat(api.post("/api/v1/admin/users/" + employee.id() + "/unlock", null, admin.access()).status())
			.isEqualTo(204);
		assertThat(login(employee.email(), Tenants.PASSWORD, home).statusCode()).isEqualTo(200);
	}

	private int sessionsOf(UserAccount user) {
		// user_session has row-level security: counted in the tenant
		Integer count = TenantContext.call(tenant.id(), () -> transactions.execute(status -> jdbc
			.queryForObject("select count(*) from user_session where user_id = ?", Integer.class, user.id().value())));
		return count == null ? 0 : count;
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
					flooder)
				.statusCode()).isEqualTo(202);
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
		HttpResponse<String> unknownWorkspace = post("/api/v1/auth/login",
				Map.of("tenant", "no-such-workspace", "email", employee.email(), "password", Tenants.PASSWORD),
				address);

		assertThat(wrongPassword.statusCode()).isEqualTo(401);
		assertThat(unknownUser.statusCode()).isEqualTo(401);
		assertThat(unknownWorkspace.statusCode()).isEqualTo(401);
		assertThat(unknownUser.body()).isEqualTo(wrongPassword.body());
		assertThat(unknownWorkspace.body()).isEqualTo(wrongPassword.body());
		assertThat(headerNames(unknownUser)).isEqualTo(headerNames(wrongPassword));
	}

	/**
	 * Unknown user and wrong password take statistically similar time: medians over 40
	 * alternating tries each (each from a fresh address, so the address limit does not
	 * interfere, and spread over ten users, so none is locked) within 3x.
	 */
	@Test
	void unknownUserAndWrongPasswordTakeSimilarTime() {
		List<Long> wrongPassword = new ArrayList<>();
		List<Long> unknownUser = new ArrayList<>();
		List<UserAccount> users = new ArrayList<>();
		for (int i = 0; i < 10; i++) {
			users.add(Tenants.newUser(identity, tenant, Tier.EMPLOYEE, List.of("VIEWER"), null));
		}
		login(employee.email(), "warm up", randomAddress());
		login("warm-up@" + tenant.slug() + ".example", "warm up", randomAddress());
		long deadline = System.nanoTime() + 120_000_000_000L;
		for (int i = 0; i < 40 && System.nanoTime() < deadline; i++) {
			wrongPassword.add(timed(users.get(i % users.size()).email()));
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

	private List<AuditEventView> events(String action) {
		return TenantContext.call(tenant.id(),
				() -> audit.list(new AuditQuery(null, null, null, action, null, null), null, null).items());
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

	/**
	 * The sign-in form, posted as a browser does: with the CSRF cookie and field of the
	 * page.
	 */
	private HttpResponse<String> signInPage(String email, String password, String address) {
		try {
			HttpClient http = HttpClient.newHttpClient();
			HttpResponse<String> form = http.send(
					HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login")).GET().build(),
					HttpResponse.BodyHandlers.ofString());
			String cookie = form.headers()
				.allValues("Set-Cookie")
				.stream()
				.filter(c -> c.startsWith("XSRF-TOKEN="))
				.map(c -> c.substring(0, c.indexOf(';')))
				.findFirst()
				.orElseThrow();
			java.util.regex.Matcher field = java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"")
				.matcher(form.body());
			assertThat(field.find()).isTrue();
			String body = "tenant=" + enc(tenant.slug()) + "&email=" + enc(email) + "&password=" + enc(password)
					+ "&_csrf=" + enc(field.group(1));
			return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.header("Cookie", cookie)
				.header("X-Forwarded-For", address)
				.POST(HttpRequest.BodyPublishers.ofString(body))
				.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (Exception ex) {
			throw new AssertionError(ex);
		}
	}

	private static String enc(String value) {
		return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
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

	/**
	 * An address from the documentation range 198.18.0.0/15 (benchmarking), unique enough
	 * per test.
	 */
	private static String randomAddress() {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		return "198." + (18 + random.nextInt(2)) + "." + random.nextInt(256) + "." + (1 + random.nextInt(254));
	}

}
