package io.prax.session;

import java.util.Map;

import io.prax.identity.Onboarding;
import io.prax.support.Api;
import io.prax.support.PraxIntegrationTest;
import io.prax.support.Tenants;
import io.prax.support.Tenants.TestTenant;
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
				Map.of("currentPassword", Tenants.PASSWORD, "newPassword", "an entirely new passphrase"), laptop.access());

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

		assertThat(api.post("/api/v1/auth/password-reset/confirm",
				Map.of("token", token, "newPassword", "the reset passphrase"), null).status()).isEqualTo(204);

		assertThat(api.get("/api/v1/customers", tokens.access()).code()).isEqualTo("session_revoked");
	}

	@Autowired
	javax.sql.DataSource dataSource;

	private String latestMailBody(String recipient) {
		return new org.springframework.jdbc.core.JdbcTemplate(dataSource).queryForObject(
				"select body from mail_outbox where recipient = ? order by created_at desc limit 1", String.class,
				recipient);
	}
}
