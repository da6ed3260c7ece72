package io.prax.audit;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.prax.identity.Onboarding;
import io.prax.session.SessionId;
import io.prax.session.SessionRevocation;
import io.prax.session.SignInFailed;
import io.prax.support.Api;
import io.prax.support.PraxIntegrationTest;
import io.prax.support.Tenants;
import io.prax.support.Tenants.TestTenant;
import io.prax.tenancy.TenantContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Security events land in the same chain as record changes, with who, session, IP and
 * user agent.
 */
@PraxIntegrationTest
class SecurityEventAuditTests {

	@LocalServerPort
	int port;

	@Autowired
	Onboarding onboarding;

	@Autowired
	AuditManagement audit;

	@Autowired
	SessionRevocation sessions;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	AuditWriter writer;

	Api api;

	TestTenant tenant;

	@BeforeEach
	void setUp() {
		api = new Api(port);
		tenant = Tenants.newTenant(onboarding);
	}

	@Test
	void recordsSuccessfulSignInWithSessionIpAndUserAgent() {
		Api.Tokens tokens = api.login(tenant.slug(), tenant.adminEmail(), Tenants.PASSWORD);

		AuditEventView event = only("auth.sign_in");
		assertThat(event.sessionId()).hasToString(tokens.sessionId());
		assertThat(event.entityId()).isEqualTo(tokens.sessionId());
		assertThat(event.actorId()).isEqualTo(tenant.admin().id().value());
		assertThat(event.actorName()).isEqualTo(tenant.admin().name());
		assertThat(event.ip()).isNotBlank();
		assertThat(event.userAgent()).isNotBlank();
	}

	@Test
	void recordsFailedSignInWithReasonInItsOwnTransaction() {
		var refused = api.post("/api/v1/auth/login",
				Map.of("tenant", tenant.slug(), "email", tenant.adminEmail(), "password", "not the password at all"),
				null);

		assertThat(refused.status()).isEqualTo(401);
		AuditEventView event = only("auth.sign_in_failed");
		assertThat(event.reason()).isEqualTo("unknown_user_or_wrong_password");
		assertThat(event.changes().get("email").asString()).isEqualTo(tenant.adminEmail());
		assertThat(event.ip()).isNotBlank();
		assertThat(event.userAgent()).isNotBlank();
		assertThat(event.changes().toString()).doesNotContain("not the password");
	}

	@Test
	void recordsSignOutAndAdministratorRevocationWithWhoRevoked() {
		Api.Tokens first = api.login(tenant.slug(), tenant.adminEmail(), Tenants.PASSWORD);
		Api.Tokens second = api.login(tenant.slug(), tenant.adminEmail(), Tenants.PASSWORD);

		assertThat(api.post("/api/v1/auth/logout", null, first.access()).status()).isEqualTo(204);
		TenantContext.run(tenant.id(), () -> sessions.revoke(new SessionId(UUID.fromString(second.sessionId())),
				"revoked_by_admin", tenant.admin().id()));

		List<AuditEventView> revoked = events("session.revoked");
		assertThat(revoked).hasSize(2);
		AuditEventView logout = revoked.get(1);
		assertThat(logout.reason()).isEqualTo("logout");
		assertThat(logout.entityId()).isEqualTo(first.sessionId());
		assertThat(logout.sessionId()).hasToString(first.sessionId());
		assertThat(logout.ip()).isNotBlank();
		AuditEventView byAdmin = revoked.get(0);
		assertThat(byAdmin.reason()).isEqualTo("revoked_by_admin");
		assertThat(byAdmin.actorId()).isEqualTo(tenant.admin().id().value());
		assertThat(byAdmin.changes().get("revokedBy").asString()).isEqualTo(tenant.admin().id().value().toString());
	}

	@Test
	void recordsPasswordChangeAndTheSessionsItEnded() {
		Api.Tokens other = api.login(tenant.slug(), tenant.adminEmail(), Tenants.PASSWORD);
		Api.Tokens current = api.login(tenant.slug(), tenant.adminEmail(), Tenants.PASSWORD);

		var changed = api.send("PUT", "/api/v1/me/password",
				Map.of("currentPassword", Tenants.PASSWORD, "newPassword", "a brand new passphrase 42"),
				current.access());

		assertThat(changed.status()).isEqualTo(204);
		AuditEventView event = only("user.password_changed");
		assertThat(event.sessionId()).hasToString(current.sessionId());
		assertThat(event.entityId()).isEqualTo(tenant.admin().id().value().toString());
		assertThat(event.ip()).isNotBlank();
		assertThat(event.userAgent()).isNotBlank();
		assertThat(events("session.revoked")).extracting(AuditEventView::entityId).containsExactly(other.sessionId());
		assertThat(events("update"))
			.anySatisfy(update -> assertThat(update.changes().get("passwordHash").get("after").asString())
				.isEqualTo(AuditCapture.MASK));
	}

	@Test
	void recordsInvitationsAndPasswordResetRequests() {
		Api.Tokens admin = api.login(tenant.slug(), tenant.adminEmail(), Tenants.PASSWORD);

		var invited = api.post("/api/v1/admin/users", Map.of("email", "new@" + tenant.slug() + ".example", "name",
				"New Person", "tier", "EMPLOYEE", "roles", List.of("VIEWER")), admin.access());
		assertThat(invited.status()).isEqualTo(201);
		String userId = invited.text("id");
		api.post("/api/v1/admin/users/" + userId + "/password-reset", null, admin.access());

		AuditEventView invitation = only("user.invited");
		assertThat(invitation.entityId()).isEqualTo(userId);
		assertThat(invitation.actorId()).isEqualTo(tenant.admin().id().value());
		assertThat(invitation.sessionId()).hasToString(admin.sessionId());
		assertThat(invitation.changes().get("tier").asString()).isEqualTo("EMPLOYEE");
		AuditEventView reset = only("user.password_reset_requested");
		assertThat(reset.entityId()).isEqualTo(userId);
		assertThat(reset.actorId()).isEqualTo(tenant.admin().id().value());
		assertThat(TenantContext.call(tenant.id(), audit::verify).valid()).isTrue();
	}

	@Test
	void boundsWhatACallerSendsBeforeItEntersThePermanentChain() throws Exception {
		String huge = "x".repeat(200_000);
		events.publishEvent(new SignInFailed(tenant.id(), huge + "@" + tenant.slug() + ".example",
				"unknown_user_or_wrong_password", "203.0.113.9", huge));
		writer.record(tenant.id(),
				new AuditEntry(new AuditEntry.Actor(null, "N".repeat(10_000), null, null, null, null), "test.long_name",
						"test", "1", null, "R".repeat(10_000)));
		java.net.http.HttpResponse<String> header = java.net.http.HttpClient.newHttpClient()
			.send(java.net.http.HttpRequest
				.newBuilder(java.net.URI.create("http://localhost:" + port + "/api/v1/auth/login"))
				.header("Content-Type", "application/json")
				.header("User-Agent", "Agent/" + "u".repeat(6_000))
				.POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"tenant\":\"" + tenant.slug()
						+ "\",\"email\":\"" + tenant.adminEmail() + "\",\"password\":\"wrong password, long agent\"}"))
				.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
		assertThat(header.statusCode()).isEqualTo(401);

		List<AuditEventView> failed = events("auth.sign_in_failed");
		assertThat(failed).hasSize(2);
		AuditEventView published = failed.get(1);
		assertThat(published.changes().get("email").asString()).hasSizeLessThanOrEqualTo(Bounded.EMAIL)
			.startsWith("xxx")
			.endsWith(Bounded.MARKER);
		assertThat(published.userAgent()).hasSizeLessThanOrEqualTo(Bounded.USER_AGENT).endsWith(Bounded.MARKER);
		// A request's header is already cut where the session module reads it
		// (ClientInfo), before audit.
		assertThat(failed.get(0).userAgent()).hasSizeLessThanOrEqualTo(Bounded.USER_AGENT).startsWith("Agent/uuu");
		AuditEventView named = only("test.long_name");
		assertThat(named.actorName()).hasSize(Bounded.NAME).endsWith(Bounded.MARKER);
		assertThat(named.reason()).hasSize(Bounded.REASON).endsWith(Bounded.MARKER);
		assertThat(TenantContext.call(tenant.id(), audit::verify).valid()).isTrue();
	}

	private AuditEventView only(String action) {
		List<AuditEventView> events = events(action);
		assertThat(events).hasSize(1);
		return events.get(0);
	}

	private List<AuditEventView> events(String action) {
		return TenantContext.call(tenant.id(),
				() -> audit.list(new AuditQuery(null, null, null, action, null, null), null, null).items());
	}

}
