package io.prax.session;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import io.prax.identity.UserLifecycle;
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
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.event.EventListener;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sessions with devices: a user's own list and revocation, and the administrators' view.
 */
@PraxIntegrationTest
class SessionControlTests {

	static final String FIREFOX_ON_WINDOWS = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0";
	static final String SAFARI_ON_IPHONE = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 "
			+ "(KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1";

	@TestConfiguration
	static class Revocations {

		final List<SessionRevoked> seen = new CopyOnWriteArrayList<>();

		@EventListener
		void on(SessionRevoked event) {
			seen.add(event);
		}

	}

	@LocalServerPort
	int port;

	@Autowired
	Onboarding onboarding;

	@Autowired
	UserLifecycle identity;

	@Autowired
	Revocations revocations;

	@Autowired
	LastSeen lastSeen;

	Api api;

	TestTenant tenant;

	@BeforeEach
	void tenant() {
		api = new Api(port);
		tenant = Tenants.newTenant(onboarding);
	}

	@Test
	void listsOwnSessionsWithDeviceBrowserAndOs() {
		String desktop = loginWithUserAgent(tenant.adminEmail(), FIREFOX_ON_WINDOWS, true);
		loginWithUserAgent(tenant.adminEmail(), SAFARI_ON_IPHONE, false);

		var list = api.get("/api/v1/me/sessions", desktop);

		assertThat(list.status()).isEqualTo(200);
		JsonNode items = list.json().get("items");
		assertThat(items).hasSize(2);
		JsonNode current = find(items, true);
		assertThat(current.get("device").asString()).isEqualTo("Desktop");
		assertThat(current.get("browser").asString()).startsWith("Firefox");
		assertThat(current.get("os").asString()).startsWith("Windows");
		assertThat(current.get("rememberMe").asBoolean()).isTrue();
		assertThat(current.get("ip").asString()).isNotBlank();
		for (String field : List.of("id", "createdAt", "lastSeenAt", "expiresAt")) {
			assertThat(current.get(field).asString()).isNotBlank();
		}
		JsonNode phone = find(items, false);
		assertThat(phone.get("device").asString()).isEqualTo("Phone");
		assertThat(phone.get("os").asString()).startsWith("iOS");
		assertThat(phone.get("rememberMe").asBoolean()).isFalse();
	}

	@Test
	void signsOutOwnOtherSessionAtOnce() {
		String here = loginWithUserAgent(tenant.adminEmail(), FIREFOX_ON_WINDOWS, false);
		Api.Tokens there = api.login(tenant.slug(), tenant.adminEmail(), Tenants.PASSWORD);

		assertThat(api.delete("/api/v1/me/sessions/" + there.sessionId(), null, here).status()).isEqualTo(204);

		var refused = api.get("/api/v1/me", there.access());
		assertThat(refused.status()).isEqualTo(401);
		assertThat(refused.code()).isEqualTo("session_revoked");
		assertThat(api.get("/api/v1/me", here).status()).isEqualTo(200);
		assertThat(api.get("/api/v1/me/sessions", here).json().get("items")).hasSize(1);
	}

	@Test
	void cannotSignOutSomeoneElsesSessionAsOwn() {
		UserAccount employee = Tenants.newUser(identity, tenant, Tier.EMPLOYEE, List.of("VIEWER"), null);
		Api.Tokens admin = api.login(tenant.slug(), tenant.adminEmail(), Tenants.PASSWORD);
		Api.Tokens theirs = api.login(tenant.slug(), employee.email(), Tenants.PASSWORD);

		var attempt = api.delete("/api/v1/me/sessions/" + admin.sessionId(), null, theirs.access());

		assertThat(attempt.status()).isEqualTo(404);
		assertThat(attempt.code()).isEqualTo("not_found");
		assertThat(api.get("/api/v1/me", admin.access()).status()).isEqualTo(200);
		assertThat(api.delete("/api/v1/me/sessions/" + UUID.randomUUID(), null, theirs.access()).status())
			.isEqualTo(404);
	}

	@Test
	void administratorSeesAndRevokesSessionsOfTheTenant() {
		UserAccount employee = Tenants.newUser(identity, tenant, Tier.EMPLOYEE, List.of("VIEWER"), null);
		Api.Tokens admin = api.login(tenant.slug(), tenant.adminEmail(), Tenants.PASSWORD);
		Api.Tokens first = api.login(tenant.slug(), employee.email(), Tenants.PASSWORD);
		Api.Tokens second = api.login(tenant.slug(), employee.email(), Tenants.PASSWORD);

		var all = api.get("/api/v1/admin/sessions", admin.access());
		assertThat(all.status()).isEqualTo(200);
		assertThat(all.json().get("items")).hasSize(3);
		var ofEmployee = api.get("/api/v1/admin/sessions?userId=" + employee.id(), admin.access());
		assertThat(ofEmployee.json().get("items")).hasSize(2);
		assertThat(ofEmployee.json().get("items").get(0).get("userEmail").asString()).isEqualTo(employee.email());

		assertThat(api.delete("/api/v1/admin/sessions/" + first.sessionId(), null, admin.access()).status())
			.isEqualTo(204);
		assertThat(api.get("/api/v1/me", first.access()).code()).isEqualTo("session_revoked");
		assertThat(api.get("/api/v1/me", second.access()).status()).isEqualTo(200);
		assertThat(revocations.seen).anySatisfy(event -> {
			assertThat(event.sessionId().toString()).isEqualTo(first.sessionId());
			assertThat(event.reason()).isEqualTo("revoked_by_admin");
			assertThat(event.revokedBy()).isEqualTo(tenant.admin().id());
		});

		assertThat(api.post("/api/v1/admin/users/" + employee.id() + "/sessions/revoke-all", null, admin.access())
			.status()).isEqualTo(204);
		assertThat(api.get("/api/v1/me", second.access()).code()).isEqualTo("session_revoked");
		assertThat(api.get("/api/v1/admin/sessions?userId=" + employee.id(), admin.access()).json().get("items"))
			.isEmpty();
		assertThat(api.get("/api/v1/me", admin.access()).status()).isEqualTo(200);
	}

	@Test
	void refusesSessionAdministrationWithoutPermission() {
		UserAccount employee = Tenants.newUser(identity, tenant, Tier.EMPLOYEE, List.of("MANAGER"), null);
		Api.Tokens admin = api.login(tenant.slug(), tenant.adminEmail(), Tenants.PASSWORD);
		Api.Tokens manager = api.login(tenant.slug(), employee.email(), Tenants.PASSWORD);

		assertThat(api.get("/api/v1/admin/sessions", manager.access()).status()).isEqualTo(403);
		assertThat(api.delete("/api/v1/admin/sessions/" + admin.sessionId(), null, manager.access()).status())
			.isEqualTo(403);
		assertThat(
				api.post("/api/v1/admin/users/" + tenant.admin().id() + "/sessions/revoke-all", null, manager.access())
					.status())
			.isEqualTo(403);
		assertThat(api.get("/api/v1/me", admin.access()).status()).isEqualTo(200);
	}

	@Test
	void administratorCannotReachSessionsOfAnotherTenant() {
		TestTenant other = Tenants.newTenant(onboarding);
		Api.Tokens stranger = api.login(other.slug(), other.adminEmail(), Tenants.PASSWORD);
		Api.Tokens admin = api.login(tenant.slug(), tenant.adminEmail(), Tenants.PASSWORD);

		assertThat(api.delete("/api/v1/admin/sessions/" + stranger.sessionId(), null, admin.access()).status())
			.isEqualTo(404);
		assertThat(api.get("/api/v1/admin/sessions", admin.access()).body()).doesNotContain(stranger.sessionId());
		assertThat(api.get("/api/v1/me", stranger.access()).status()).isEqualTo(200);
	}

	@Test
	void recordsLastSeenCoalescedNotPerRequest() throws InterruptedException {
		String token = loginWithUserAgent(tenant.adminEmail(), FIREFOX_ON_WINDOWS, false);
		JsonNode before = api.get("/api/v1/me/sessions", token).json().get("items").get(0);
		Thread.sleep(20);
		for (int i = 0; i < 5; i++) {
			assertThat(api.get("/api/v1/me", token).status()).isEqualTo(200);
		}
		JsonNode unflushed = api.get("/api/v1/me/sessions", token).json().get("items").get(0);

		lastSeen.flush();

		JsonNode after = api.get("/api/v1/me/sessions", token).json().get("items").get(0);
		assertThat(unflushed.get("lastSeenAt").asString()).isEqualTo(before.get("lastSeenAt").asString());
		assertThat(java.time.Instant.parse(after.get("lastSeenAt").asString()))
			.isAfter(java.time.Instant.parse(before.get("lastSeenAt").asString()));
		lastSeen.record(tenant.id(), new SessionId(UUID.fromString(after.get("id").asString())),
				java.time.Instant.now(), null);
		lastSeen.flush();
		assertThat(api.get("/api/v1/me/sessions", token).json().get("items").get(0).get("lastSeenAt").asString())
			.isEqualTo(after.get("lastSeenAt").asString());
	}

	@Test
	void rendersOwnAndAdministratorSessionPages() {
		UserAccount employee = Tenants.newUser(identity, tenant, Tier.EMPLOYEE, List.of("VIEWER"), null);
		String admin = loginWithUserAgent(tenant.adminEmail(), FIREFOX_ON_WINDOWS, false);
		String viewer = loginWithUserAgent(employee.email(), SAFARI_ON_IPHONE, false);

		HttpResponse<String> mine = page("/me/sessions", admin);
		assertThat(mine.statusCode()).isEqualTo(200);
		assertThat(mine.body()).contains("Firefox").contains("This device");
		HttpResponse<String> all = page("/admin/sessions", admin);
		assertThat(all.statusCode()).isEqualTo(200);
		assertThat(all.body()).contains(employee.email()).contains("Safari").contains("Sign out everywhere");
		assertThat(page("/me/security", admin).body()).contains("/me/sessions");
		assertThat(page("/", admin).body()).contains("href=\"/admin/sessions\"");
		assertThat(page("/admin/sessions", viewer).statusCode()).isEqualTo(403);
		assertThat(page("/", viewer).body()).doesNotContain("href=\"/admin/sessions\"");
	}

	private HttpResponse<String> page(String path, String accessToken) {
		try {
			return HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
					.header("Cookie", SessionCookies.ACCESS + "=" + accessToken)
					.GET()
					.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (Exception ex) {
			throw new AssertionError(ex);
		}
	}

	private String loginWithUserAgent(String email, String userAgent, boolean rememberMe) {
		JsonMapper json = JsonMapper.builder().build();
		String body = json.writeValueAsString(Map.of("tenant", tenant.slug(), "email", email, "password",
				Tenants.PASSWORD, "rememberMe", rememberMe));
		try {
			HttpResponse<String> response = HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/auth/login"))
					.header("Content-Type", "application/json")
					.header("User-Agent", userAgent)
					.POST(HttpRequest.BodyPublishers.ofString(body))
					.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).isEqualTo(200);
			return json.readTree(response.body()).get("accessToken").asString();
		}
		catch (Exception ex) {
			throw new AssertionError(ex);
		}
	}

	private static JsonNode find(JsonNode items, boolean current) {
		for (JsonNode item : items) {
			if (item.get("current").asBoolean() == current) {
				return item;
			}
		}
		throw new AssertionError("No session with current=" + current);
	}

}
