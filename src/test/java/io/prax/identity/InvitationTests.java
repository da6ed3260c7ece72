package io.prax.identity;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import io.prax.support.Api;
import io.prax.support.PraxIntegrationTest;
import io.prax.support.Tenants;
import io.prax.support.Tenants.TestTenant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Admins invite users without ever handling a password; the user sets it through a
 * one-time link.
 */
@PraxIntegrationTest
class InvitationTests {

	private static final Pattern LINK = Pattern.compile("/password/set\\?token=([A-Za-z0-9._-]+)");

	@LocalServerPort
	int port;

	@Autowired
	Onboarding onboarding;

	@Autowired
	DataSource dataSource;

	Api api;

	TestTenant tenant;

	String adminToken;

	@BeforeEach
	void tenant() {
		api = new Api(port);
		tenant = Tenants.newTenant(onboarding);
		adminToken = api.login(tenant.slug(), tenant.adminEmail(), Tenants.PASSWORD).access();
	}

	@Test
	void invitedUserSetsPasswordThroughTheMailedLinkAndSignsIn() {
		String email = "new.hire@" + tenant.slug() + ".example";
		var invite = api.post("/api/v1/admin/users",
				Map.of("email", email, "name", "New Hire", "tier", "EMPLOYEE", "roles", List.of("OPERATOR")),
				adminToken);
		assertThat(invite.status()).isEqualTo(201);
		assertThat(invite.text("status")).isEqualTo("INVITED");
		assertThat(invite.body()).doesNotContainIgnoringCase("password");

		String token = mailedToken(email);
		var tooShort = api.post("/api/v1/auth/password-reset/confirm", Map.of("token", token, "newPassword", "short"),
				null);
		assertThat(tooShort.status()).isEqualTo(400);
		assertThat(tooShort.code()).isEqualTo("password_too_short");

		var set = api.post("/api/v1/auth/password-reset/confirm",
				Map.of("token", token, "newPassword", "a long and pleasant passphrase"), null);
		assertThat(set.status()).isEqualTo(204);
		assertThat(api.login(tenant.slug(), email, "a long and pleasant passphrase").access()).isNotBlank();

		var reuse = api.post("/api/v1/auth/password-reset/confirm",
				Map.of("token", token, "newPassword", "another long passphrase"), null);
		assertThat(reuse.status()).isEqualTo(400);
		assertThat(reuse.code()).isEqualTo("invalid_token");
	}

	@Test
	void invitationNeverTakesAPassword() {
		var invite = api.post("/api/v1/admin/users", Map.of("email", "x@" + tenant.slug() + ".example", "name", "X",
				"tier", "EMPLOYEE", "password", "chosen by the admin!!"), adminToken);

		assertThat(invite.status()).isEqualTo(201);
		assertThat(api
			.post("/api/v1/auth/login", Map.of("tenant", tenant.slug(), "email", "x@" + tenant.slug() + ".example",
					"password", "chosen by the admin!!"), null)
			.status()).isEqualTo(401);
	}

	@Test
	void rejectsInvalidInvitationsWithFieldErrors() {
		var invite = api.post("/api/v1/admin/users", Map.of("email", "not-an-email", "name", "", "tier", "ROOT"),
				adminToken);

		assertThat(invite.status()).isEqualTo(400);
		assertThat(invite.code()).isEqualTo("validation_failed");
		assertThat(invite.json().get("errors").has("tier")).isTrue();
	}

	@Test
	void employeesWithoutUserAdministrationCannotInvite() {
		UserAccount viewer = Tenants.newUser(applicationIdentity, tenant, Tier.EMPLOYEE, List.of("VIEWER"), null);
		String viewerToken = api.login(tenant.slug(), viewer.email(), Tenants.PASSWORD).access();

		var invite = api.post("/api/v1/admin/users",
				Map.of("email", "y@" + tenant.slug() + ".example", "name", "Y", "tier", "ADMIN"), viewerToken);

		assertThat(invite.status()).isEqualTo(403);
		assertThat(invite.code()).isEqualTo("forbidden");
	}

	@Test
	void passwordResetAnswersTheSameForUnknownUsers() {
		var known = api.post("/api/v1/auth/password-reset",
				Map.of("tenant", tenant.slug(), "email", tenant.adminEmail()), null);
		var unknown = api.post("/api/v1/auth/password-reset",
				Map.of("tenant", tenant.slug(), "email", "ghost@x.example"), null);

		assertThat(known.status()).isEqualTo(202);
		assertThat(unknown.status()).isEqualTo(202);
		assertThat(unknown.body()).isEqualTo(known.body());
	}

	@Autowired
	UserLifecycle applicationIdentity;

	private String mailedToken(String recipient) {
		String body = new JdbcTemplate(dataSource).queryForObject(
				"select body from mail_outbox where recipient = ? order by created_at desc limit 1", String.class,
				recipient);
		Matcher matcher = LINK.matcher(body == null ? "" : body);
		if (!matcher.find()) {
			throw new AssertionError("No link in mail: " + body);
		}
		return matcher.group(1);
	}

}
