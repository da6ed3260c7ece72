package io.prax.session;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.prax.identity.UserLifecycle;
import io.prax.identity.Onboarding;
import io.prax.identity.Tier;
import io.prax.identity.Totp;
import io.prax.identity.UserAccount;
import io.prax.support.Api;
import io.prax.support.MfaRequired;
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
 * TOTP sign-in as API.md describes it, with the product default: administrators must use
 * MFA.
 */
@PraxIntegrationTest
@MfaRequired
class MfaTests {

	@LocalServerPort
	int port;

	@Autowired
	Onboarding onboarding;

	@Autowired
	UserLifecycle identity;

	@Autowired
	org.springframework.context.ApplicationContext context;

	Api api;

	TestTenant tenant;

	@BeforeEach
	void tenant() {
		api = new Api(port);
		tenant = Tenants.newTenant(onboarding);
	}

	record Enrolled(String secret, List<String> backupCodes, long step, String enrolmentBody) {
	}

	private Api.Response password(String email) {
		return api.post("/api/v1/auth/login",
				Map.of("tenant", tenant.slug(), "email", email, "password", Tenants.PASSWORD, "rememberMe", true),
				null);
	}

	/**
	 * Enrols through the mfaToken of a sign-in that must enrol; answers the secret and
	 * backup codes.
	 */
	private Enrolled enrol(String mfaToken) {
		Api.Response enrolment = api.post("/api/v1/me/mfa/totp", null, mfaToken);
		assertThat(enrolment.status()).as(enrolment.body()).isEqualTo(200);
		String secret = enrolment.text("secret");
		assertThat(enrolment.text("otpauthUri")).startsWith("otpauth://totp/").contains("secret=" + secret);
		assertThat(enrolment.text("qrPngBase64")).isNotBlank();
		long step = Totp.step(Instant.now()) - 1;
		Api.Response confirmed = api.post("/api/v1/me/mfa/totp/confirm", Map.of("code", Totp.code(secret, step)),
				mfaToken);
		assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);
		List<String> codes = new ArrayList<>();
		confirmed.json().get("backupCodes").forEach(code -> codes.add(code.asString()));
		assertThat(codes).hasSize(10).doesNotHaveDuplicates();
		return new Enrolled(secret, codes, step, enrolment.body());
	}

	@Test
	void anAdministratorEnrolsThenSignsInWithACodeAndEachCodeWorksOnce() {
		Api.Response first = password(tenant.adminEmail());
		assertThat(first.status()).isEqualTo(200);
		assertThat(first.json().get("mfaRequired").asBoolean()).isTrue();
		assertThat(first.json().get("enrolmentRequired").asBoolean()).isTrue();
		assertThat(first.json().has("accessToken")).isFalse();
		String mfaToken = first.text("mfaToken");

		Enrolled enrolled = enrol(mfaToken);
		// The code that confirmed the enrolment cannot complete the sign-in: its step is
		// used.
		Api.Response replayedConfirmation = api.post("/api/v1/auth/mfa",
				Map.of("mfaToken", mfaToken, "code", Totp.code(enrolled.secret(), enrolled.step())), null);
		assertThat(replayedConfirmation.status()).isEqualTo(401);
		String fresh = Totp.code(enrolled.secret(), enrolled.step() + 1);
		Api.Response signedIn = api.post("/api/v1/auth/mfa", Map.of("mfaToken", mfaToken, "code", fresh), null);
		assertThat(signedIn.status()).as(signedIn.body()).isEqualTo(200);
		String access = signedIn.text("accessToken");
		Api.Response me = api.get("/api/v1/me", access);
		assertThat(me.json().get("mfaEnrolled").asBoolean()).isTrue();
		assertThat(me.body()).doesNotContain(enrolled.secret());

		// The mfaToken completed its sign-in: never again.
		assertThat(api
			.post("/api/v1/auth/mfa",
					Map.of("mfaToken", mfaToken, "code", Totp.code(enrolled.secret(), enrolled.step() + 2)), null)
			.status()).isEqualTo(401);

		// A replayed code fails on a new sign-in.
		Api.Response second = password(tenant.adminEmail());
		assertThat(second.json().get("enrolmentRequired").asBoolean()).isFalse();
		assertThat(
				api.post("/api/v1/auth/mfa", Map.of("mfaToken", second.text("mfaToken"), "code", fresh), null).code())
			.isEqualTo("invalid_mfa_code");

		// A backup code works exactly once.
		String backup = enrolled.backupCodes().get(0);
		assertThat(api.post("/api/v1/auth/mfa", Map.of("mfaToken", second.text("mfaToken"), "code", backup), null)
			.status()).isEqualTo(200);
		Api.Response third = password(tenant.adminEmail());
		assertThat(
				api.post("/api/v1/auth/mfa", Map.of("mfaToken", third.text("mfaToken"), "code", backup), null).code())
			.isEqualTo("invalid_mfa_code");
		assertThat(api
			.post("/api/v1/auth/mfa", Map.of("mfaToken", third.text("mfaToken"), "code", enrolled.backupCodes().get(1)),
					null)
			.status()).isEqualTo(200);

		// Stored encrypted and hashed only.
		JdbcTemplate jdbc = new JdbcTemplate(
				new org.springframework.jdbc.datasource.SingleConnectionDataSource(superuser(), true));
		String stored = jdbc.queryForObject("select secret_ciphertext from user_mfa where user_id = ?", String.class,
				tenant.admin().id().value());
		assertThat(stored).startsWith("v1:").doesNotContain(enrolled.secret());
		List<String> hashes = jdbc.queryForList("select code_hash from mfa_backup_code where user_id = ?", String.class,
				tenant.admin().id().value());
		assertThat(hashes).hasSize(10)
			.noneMatch(hash -> enrolled.backupCodes()
				.stream()
				.anyMatch(code -> hash.contains(code) || hash.contains(code.replace("-", ""))));
	}

	private java.sql.Connection superuser() {
		try {
			return io.prax.tenancy.DatabaseSuperuser.connect(context);
		}
		catch (java.sql.SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Test
	void theMfaTokenOfAnEnrolmentOpensOnlyTheEnrolmentEndpoints() {
		String mfaToken = password(tenant.adminEmail()).text("mfaToken");
		assertThat(api.get("/api/v1/me", mfaToken).status()).isEqualTo(401);
		assertThat(api.get("/api/v1/admin/users", mfaToken).status()).isEqualTo(401);
		assertThat(api.post("/api/v1/me/mfa/backup-codes", Map.of("password", Tenants.PASSWORD), mfaToken).status())
			.isEqualTo(401);
		assertThat(api.post("/api/v1/me/mfa/totp", null, mfaToken).status()).isEqualTo(200);
		// Not an access token even for the enrolment endpoints once the token has been
		// used.
		Enrolled enrolled = enrol(password(tenant.adminEmail()).text("mfaToken"));
		assertThat(enrolled.secret()).isNotBlank();
	}

	@Test
	void wrongCodesCountTowardTheLockout() {
		String mfaToken = password(tenant.adminEmail()).text("mfaToken");
		enrol(mfaToken);
		int refused = 0;
		Api.Response response = null;
		for (int i = 0; i < 12; i++) {
			response = password(tenant.adminEmail());
			if (response.status() == 429) {
				break;
			}
			String token = response.text("mfaToken");
			response = api.post("/api/v1/auth/mfa", Map.of("mfaToken", token, "code", "000000"), null);
			if (response.status() == 429) {
				break;
			}
			refused++;
		}
		assertThat(response.status()).isEqualTo(429);
		assertThat(response.code()).isEqualTo("too_many_attempts");
		assertThat(refused).isLessThan(12);
	}

	@Test
	void anEmployeeWithoutMfaSignsInWithThePasswordUnlessTheTenantRequiresIt() {
		UserAccount employee = Tenants.newUser(identity, tenant, Tier.EMPLOYEE, List.of("Sales"), null);
		assertThat(password(employee.email()).json().has("accessToken")).isTrue();
		UserAccount reviewer = Tenants.newUser(identity, tenant, Tier.EMPLOYEE, List.of("REVIEWER"), null);
		assertThat(password(reviewer.email()).json().get("enrolmentRequired").asBoolean()).isTrue();

		String admin = api.login(tenant.slug(), tenant.adminEmail(), Tenants.PASSWORD).access();
		Api.Response changed = api.send("PUT", "/api/v1/admin/security-settings",
				Map.of("mfa", Map.of("requiredRoles", List.of("Sales"), "requiredForEveryone", false)), admin);
		assertThat(changed.status()).as(changed.body()).isEqualTo(200);
		assertThat(changed.json().get("mfa").get("requiredRoles").get(0).asString()).isEqualTo("Sales");
		assertThat(password(employee.email()).json().get("enrolmentRequired").asBoolean()).isTrue();
	}

	@Test
	void anAdministratorResetsAnotherUsersMfaButNotTheirOwn() {
		UserAccount other = Tenants.newUser(identity, tenant, Tier.ADMIN, List.of(), null);
		String otherAccess = api.login(tenant.slug(), other.email(), Tenants.PASSWORD).access();
		String admin = api.login(tenant.slug(), tenant.adminEmail(), Tenants.PASSWORD).access();
		Api.Response users = api.get("/api/v1/admin/users", admin);
		assertThat(users.body()).contains("\"mfaEnrolled\":true");

		assertThat(api.post("/api/v1/admin/users/" + tenant.admin().id() + "/mfa/reset", null, admin).code())
			.isEqualTo("cannot_reset_own_mfa");
		assertThat(api.post("/api/v1/admin/users/" + other.id() + "/mfa/reset", null, admin).status()).isEqualTo(204);
		// Their sessions end, and their next sign-in enrols again.
		assertThat(api.get("/api/v1/me", otherAccess).status()).isEqualTo(401);
		assertThat(password(other.email()).json().get("enrolmentRequired").asBoolean()).isTrue();
	}

}
