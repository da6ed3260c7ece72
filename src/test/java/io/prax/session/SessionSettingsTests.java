package io.prax.session;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

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
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** A tenant's session lifetimes and idle timeout, within safe bounds. */
@PraxIntegrationTest
class SessionSettingsTests {

	@LocalServerPort
	int port;

	@Autowired
	Onboarding onboarding;

	@Autowired
	UserLifecycle identity;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	TransactionTemplate transactions;

	Api api;

	TestTenant tenant;

	String admin;

	@BeforeEach
	void tenant() {
		api = new Api(port);
		tenant = Tenants.newTenant(onboarding);
		admin = api.login(tenant.slug(), tenant.adminEmail(), Tenants.PASSWORD).access();
	}

	@Test
	void startsWithTheDefaultLifetimes() {
		var settings = api.get("/api/v1/admin/security-settings", admin);

		assertThat(settings.status()).isEqualTo(200);
		JsonNode sessions = settings.json().get("sessions");
		assertThat(sessions.get("accessTokenMinutes").asInt()).isEqualTo(15);
		assertThat(sessions.get("refreshLifetimeDays").asInt()).isEqualTo(7);
		assertThat(sessions.get("rememberMeLifetimeDays").asInt()).isEqualTo(30);
		assertThat(sessions.get("idleTimeoutMinutes").asInt()).isEqualTo(480);
	}

	@Test
	void appliesChangedLifetimesToNewSessions() {
		var changed = api.send("PUT", "/api/v1/admin/security-settings",
				Map.of("sessions", Map.of("refreshLifetimeDays", 1, "rememberMeLifetimeDays", 2)), admin);

		assertThat(changed.status()).isEqualTo(200);
		assertThat(changed.json().get("sessions").get("refreshLifetimeDays").asInt()).isEqualTo(1);
		assertThat(changed.json().get("sessions").get("idleTimeoutMinutes").asInt()).isEqualTo(480);
		var login = api.post("/api/v1/auth/login", Map.of("tenant", tenant.slug(), "email", tenant.adminEmail(),
				"password", Tenants.PASSWORD, "rememberMe", true), null);
		String token = login.text("accessToken");
		JsonNode mine = api.get("/api/v1/me/sessions", token).json().get("items");
		for (JsonNode session : mine) {
			if (session.get("current").asBoolean()) {
				assertThat(Instant.parse(session.get("expiresAt").asString()))
					.isCloseTo(Instant.now().plus(Duration.ofDays(2)), within(Duration.ofMinutes(5)));
			}
		}
		TestTenant other = Tenants.newTenant(onboarding);
		String otherAdmin = api.login(other.slug(), other.adminEmail(), Tenants.PASSWORD).access();
		assertThat(api.get("/api/v1/admin/security-settings", otherAdmin)
			.json()
			.get("sessions")
			.get("refreshLifetimeDays")
			.asInt()).isEqualTo(7);
	}

	@Test
	void refusesLifetimesOutsideTheSafeBounds() {
		var refused = api.send("PUT", "/api/v1/admin/security-settings",
				Map.of("sessions",
						Map.of("refreshLifetimeDays", 365, "rememberMeLifetimeDays", 3, "idleTimeoutMinutes", 1)),
				admin);

		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.code()).isEqualTo("validation_failed");
		assertThat(refused.json().get("errors").has("refreshLifetimeDays")).isTrue();
		assertThat(refused.json().get("errors").has("idleTimeoutMinutes")).isTrue();
		assertThat(api.get("/api/v1/admin/security-settings", admin)
			.json()
			.get("sessions")
			.get("refreshLifetimeDays")
			.asInt()).isEqualTo(7);
	}

	@Test
	void endsASessionIdleForLongerThanTheTimeout() {
		api.send("PUT", "/api/v1/admin/security-settings", Map.of("sessions", Map.of("idleTimeoutMinutes", 15)), admin);
		Api.Tokens idle = api.login(tenant.slug(), tenant.adminEmail(), Tenants.PASSWORD);
		Api.Tokens active = api.login(tenant.slug(), tenant.adminEmail(), Tenants.PASSWORD);
		TenantContext.run(tenant.id(),
				() -> transactions.executeWithoutResult(status -> jdbc.update(
						"update user_session set last_seen_at = now() - interval '16 minutes' where id = ?::uuid",
						idle.sessionId())));

		var refresh = api.post("/api/v1/auth/refresh", Map.of("refreshToken", idle.refresh()), null);

		assertThat(refresh.status()).isEqualTo(401);
		assertThat(refresh.code()).isEqualTo("session_revoked");
		assertThat(api.get("/api/v1/me", idle.access()).code()).isEqualTo("session_revoked");
		assertThat(api.post("/api/v1/auth/refresh", Map.of("refreshToken", active.refresh()), null).status())
			.isEqualTo(200);
	}

	@Test
	void refusesSettingsToUsersWithoutPermission() {
		UserAccount manager = Tenants.newUser(identity, tenant, Tier.EMPLOYEE, List.of("MANAGER"), null);
		String token = api.login(tenant.slug(), manager.email(), Tenants.PASSWORD).access();

		assertThat(api.get("/api/v1/admin/security-settings", token).status()).isEqualTo(403);
		assertThat(api
			.send("PUT", "/api/v1/admin/security-settings", Map.of("sessions", Map.of("idleTimeoutMinutes", 15)), token)
			.status()).isEqualTo(403);
	}

}
