package io.prax.session;

import java.util.List;
import java.util.Map;

import io.prax.audit.AuditEventView;
import io.prax.audit.AuditManagement;
import io.prax.audit.AuditQuery;
import io.prax.identity.Onboarding;
import io.prax.support.Api;
import io.prax.support.PraxIntegrationTest;
import io.prax.support.Tenants;
import io.prax.support.Tenants.TestTenant;
import io.prax.tenancy.TenantContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** Changing one's password ends every other session at once and keeps the current one. */
@PraxIntegrationTest
class PasswordChangeTests {

	@LocalServerPort
	int port;

	@Autowired
	Onboarding onboarding;

	@Autowired
	AuditManagement audit;

	Api api;

	TestTenant tenant;

	@BeforeEach
	void tenant() {
		api = new Api(port);
		tenant = Tenants.newTenant(onboarding);
	}

	@Test
	void revokesOtherSessionsButKeepsTheCurrentOne() {
		Api.Tokens laptop = api.login(tenant.slug(), tenant.adminEmail(), Tenants.PASSWORD);
		Api.Tokens phone = api.login(tenant.slug(), tenant.adminEmail(), Tenants.PASSWORD);

		var change = api.send("PUT", "/api/v1/me/password",
				Map.of("currentPassword", Tenants.PASSWORD, "newPassword", "an entirely new passphrase"),
				laptop.access());

		assertThat(change.status()).isEqualTo(204);
		assertThat(api.get("/api/v1/customers", laptop.access()).status()).isEqualTo(200);
		var other = api.get("/api/v1/customers", phone.access());
		assertThat(other.status()).isEqualTo(401);
		assertThat(other.code()).isEqualTo("session_revoked");
		assertThat(api.post("/api/v1/auth/refresh", Map.of("refreshToken", phone.refresh()), null).status())
			.isEqualTo(401);
		assertThat(api.login(tenant.slug(), tenant.adminEmail(), "an entirely new passphrase").access()).isNotBlank();
	}

	@Test
	void requiresTheCurrentPassword() {
		Api.Tokens tokens = api.login(tenant.slug(), tenant.adminEmail(), Tenants.PASSWORD);

		var change = api.send("PUT", "/api/v1/me/password",
				Map.of("currentPassword", "a guess at the password", "newPassword", "an entirely new passphrase"),
				tokens.access());

		assertThat(change.status()).isEqualTo(400);
		assertThat(change.code()).isEqualTo("invalid_current_password");
		assertThat(api.login(tenant.slug(), tenant.adminEmail(), Tenants.PASSWORD).access()).isNotBlank();
	}

	@Test
	void resetThroughALinkRevokesEverySession() {
		Api.Tokens tokens = api.login(tenant.slug(), tenant.adminEmail(), Tenants.PASSWORD);
		api.post("/api/v1/auth/password-reset", Map.of("tenant", tenant.slug(), "email", tenant.adminEmail()), null);
		String link = latestMailBody(tenant.adminEmail());
		String token = link.substring(link.indexOf("token=") + 6).split("\\s")[0];

		assertThat(api
			.post("/api/v1/auth/password-reset/confirm", Map.of("token", token, "newPassword", "the reset passphrase"),
					null)
			.status()).isEqualTo(204);

		assertThat(api.get("/api/v1/customers", tokens.access()).code()).isEqualTo("session_revoked");
	}

	/**
	 * Issue 8: guessing the current password is throttled like sign-in, and every refusal
	 * is audited.
	 */
	@Test
	void throttlesWrongCurrentPasswordsLikeSignInAndAuditsThem() {
		Api.Tokens tokens = api.login(tenant.slug(), tenant.adminEmail(), Tenants.PASSWORD);
		for (int i = 0; i < 5; i++) {
			var wrong = change(tokens, "guess number " + i, "an entirely new passphrase");
			assertThat(wrong.status()).isEqualTo(400);
			assertThat(wrong.code()).isEqualTo("invalid_current_password");
		}

		var locked = change(tokens, Tenants.PASSWORD, "an entirely new passphrase");

		assertThat(locked.status()).isEqualTo(429);
		assertThat(locked.code()).isEqualTo("too_many_attempts");
		assertThat(Long.parseLong(locked.raw().headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 900L);
		List<AuditEventView> failed = events("user.password_change_failed");
		assertThat(failed).hasSize(6);
		assertThat(failed).extracting(AuditEventView::reason)
			.containsOnly("wrong_current_password", "too_many_attempts");
		assertThat(failed.get(0).reason()).isEqualTo("too_many_attempts");
		assertThat(failed).allSatisfy(event -> {
			assertThat(event.entityId()).isEqualTo(tenant.admin().id().value().toString());
			assertThat(event.sessionId()).hasToString(tokens.sessionId());
			assertThat(event.ip()).isNotBlank();
		});
		assertThat(events("user.password_changed")).isEmpty();
		// Separate counters: a stolen session cannot lock its owner out of signing in.
		assertThat(api.login(tenant.slug(), tenant.adminEmail(), Tenants.PASSWORD).access()).isNotBlank();
	}

	@Test
	void refusesAnOverLongCurrentPasswordBeforeCheckingOrAuditingIt() {
		Api.Tokens tokens = api.login(tenant.slug(), tenant.adminEmail(), Tenants.PASSWORD);

		var refused = change(tokens, "p".repeat(1025), "an entirely new passphrase");

		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.code()).isEqualTo("validation_failed");
		assertThat(events("user.password_change_failed")).isEmpty();
	}

	@Test
	void aChangedPasswordEndsEveryOutstandingResetLink() {
		Api.Tokens tokens = api.login(tenant.slug(), tenant.adminEmail(), Tenants.PASSWORD);
		String link = resetToken();

		assertThat(change(tokens, Tenants.PASSWORD, "an entirely new passphrase").status()).isEqualTo(204);

		var late = api.post("/api/v1/auth/password-reset/confirm",
				Map.of("token", link, "newPassword", "the attacker's passphrase"), null);
		assertThat(late.status()).isEqualTo(400);
		assertThat(late.code()).isEqualTo("invalid_token");
		assertThat(api.login(tenant.slug(), tenant.adminEmail(), "an entirely new passphrase").access()).isNotBlank();
	}

	@Test
	void usingOneResetLinkEndsTheOthers() {
		String first = resetToken();
		String second = resetToken();

		assertThat(api
			.post("/api/v1/auth/password-reset/confirm", Map.of("token", second, "newPassword", "the reset passphrase"),
					null)
			.status()).isEqualTo(204);

		assertThat(api
			.post("/api/v1/auth/password-reset/confirm",
					Map.of("token", first, "newPassword", "another reset passphrase"), null)
			.code()).isEqualTo("invalid_token");
		assertThat(api.login(tenant.slug(), tenant.adminEmail(), "the reset passphrase").access()).isNotBlank();
	}

	private Api.Response change(Api.Tokens tokens, String current, String next) {
		return api.send("PUT", "/api/v1/me/password", Map.of("currentPassword", current, "newPassword", next),
				tokens.access());
	}

	private String resetToken() {
		api.post("/api/v1/auth/password-reset", Map.of("tenant", tenant.slug(), "email", tenant.adminEmail()), null);
		String link = latestMailBody(tenant.adminEmail());
		return link.substring(link.indexOf("token=") + 6).split("\\s")[0];
	}

	private List<AuditEventView> events(String action) {
		return TenantContext.call(tenant.id(),
				() -> audit.list(new AuditQuery(null, null, null, action, null, null), null, null).items());
	}

	@Autowired
	javax.sql.DataSource dataSource;

	private String latestMailBody(String recipient) {
		return new org.springframework.jdbc.core.JdbcTemplate(dataSource).queryForObject(
				"select body from mail_outbox where recipient = ? order by created_at desc limit 1", String.class,
				recipient);
	}

}
