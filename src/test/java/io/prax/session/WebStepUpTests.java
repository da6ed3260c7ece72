package io.prax.session;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import io.prax.identity.UserLifecycle;
import io.prax.identity.Onboarding;
import io.prax.identity.Tier;
import io.prax.identity.Totp;
import io.prax.identity.UserAccount;
import io.prax.support.Api;
import io.prax.support.PraxIntegrationTest;
import io.prax.support.Tenants;
import io.prax.support.Tenants.TestTenant;
import io.prax.support.WebSession;
import io.prax.support.WebSession.Field;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import static io.prax.support.WebSession.field;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Step-up in the web UI: a sensitive page action of a session whose last proof is older
 * than 10 minutes changes nothing and asks for the password (and code) with the form
 * carried along; the right proof completes exactly that action; a wrong one changes
 * nothing and counts toward the lockout.
 */
@PraxIntegrationTest
@Import(StepUpTests.Config.class)
class WebStepUpTests {

	private static final AtomicInteger ADDRESSES = new AtomicInteger();

	@LocalServerPort
	int port;

	@Autowired
	Onboarding onboarding;

	@Autowired
	UserLifecycle identity;

	@Autowired
	StepUpTests.MovableClock clock;

	private TestTenant tenant;

	private UserAccount employee;

	private String adminToken;

	private WebSession signedIn() {
		tenant = Tenants.newTenant(onboarding);
		employee = Tenants.newUser(identity, tenant, Tier.EMPLOYEE, List.of("VIEWER"), null);
		adminToken = new Api(port).login(tenant.slug(), tenant.adminEmail(), Tenants.PASSWORD).access();
		// An address of its own per test: the password-check counters per address stay
		// apart.
		return new WebSession(port, adminToken, "10.77." + (ADDRESSES.incrementAndGet() % 250) + ".1");
	}

	private List<Field> makeManager() {
		long version = new Api(port).get("/api/v1/admin/users/" + employee.id(), adminToken)
			.json()
			.get("version")
			.asLong();
		return List.of(field("name", employee.name()), field("tier", "EMPLOYEE"), field("roles", "MANAGER"),
				field("roles", "VIEWER"), field("designationId", ""), field("version", Long.toString(version)));
	}

	private List<String> rolesOfEmployee() {
		List<String> roles = new ArrayList<>();
		new Api(port).get("/api/v1/admin/users/" + employee.id(), adminToken)
			.json()
			.get("roles")
			.forEach(role -> roles.add(role.asString()));
		return roles;
	}

	/**
	 * The prompt's form as the browser would post it: its hidden fields, the proof, the
	 * CSRF token of the page.
	 */
	private static List<Field> proof(Api.Response prompt, String password,
			@org.jspecify.annotations.Nullable String code) {
		List<Field> fields = new ArrayList<>(WebSession.hiddenFields(prompt.body(), "reauth-form")
			.stream()
			.filter(f -> !f.name().equals("_csrf"))
			.toList());
		fields.add(field("reauth.password", password));
		if (code != null) {
			fields.add(field("reauth.code", code));
		}
		return fields;
	}

	@Test
	void aSensitivePageActionOfAnOldSessionAsksForTheProofChangesNothingAndCompletesWithIt() {
		WebSession web = signedIn();
		clock.advance(Duration.ofMinutes(11));

		Api.Response prompt = web.post("/admin/users/" + employee.id(), makeManager());
		assertThat(prompt.status()).isEqualTo(401);
		assertThat(prompt.body()).contains("Confirm it is you").doesNotContain("Authentication code");
		assertThat(rolesOfEmployee()).containsExactly("VIEWER");
		// The original form is carried, without the CSRF token of the original post.
		List<Field> carried = WebSession.hiddenFields(prompt.body(), "reauth-form");
		assertThat(carried).contains(field("reauth.path", "/admin/users/" + employee.id()),
				field("reauth.method", "POST"), field("roles", "MANAGER"), field("roles", "VIEWER"),
				field("tier", "EMPLOYEE"));
		assertThat(carried.stream().filter(f -> f.name().equals("_csrf"))).hasSize(1);

		Api.Response done = web.post("/reauthenticate", proof(prompt, Tenants.PASSWORD, null));
		assertThat(done.status()).as(done.body()).isEqualTo(302);
		assertThat(done.raw().headers().firstValue("Location").orElseThrow()).endsWith("/admin/users/" + employee.id());
		assertThat(rolesOfEmployee()).containsExactlyInAnyOrder("MANAGER", "VIEWER");

		// The proof holds for 10 minutes of this session: the next sensitive action goes
		// straight through.
		Api.Response again = web.post("/admin/users/" + employee.id() + "/sessions/revoke-all", List.of());
		assertThat(again.status()).isEqualTo(302);
	}

	@Test
	void everySensitivePageActionAsksWhenTheSessionIsOld() {
		WebSession web = signedIn();
		clock.advance(Duration.ofMinutes(11));
		String user = "/admin/users/" + employee.id();
		List<String> asked = List.of(user, user + "/overrides", user + "/sessions/revoke-all", user + "/mfa/reset",
				"/admin/roles", "/admin/roles/VIEWER", "/admin/roles/VIEWER/delete", "/admin/designations",
				"/admin/feature-gates", "/admin/feature-gates/restrictions", "/admin/feature-gates/restrictions/delete",
				"/admin/security-settings");
		for (String path : asked) {
			Api.Response answer = web.post(path, List.of(field("name", "x")));
			assertThat(answer.status()).as(path).isEqualTo(401);
			assertThat(answer.body()).as(path).contains("Confirm it is you");
		}
		// Not sensitive: unlocking, for instance, needs no fresh proof.
		assertThat(web.post(user + "/unlock", List.of()).status()).isEqualTo(302);
		assertThat(new Api(port).get("/api/v1/admin/roles/VIEWER", adminToken).status()).isEqualTo(200);
	}

	@Test
	void wrongPasswordsChangeNothingAndCountTowardTheLockout() {
		WebSession web = signedIn();
		clock.advance(Duration.ofMinutes(11));
		Api.Response prompt = web.post("/admin/users/" + employee.id(), makeManager());
		for (int i = 0; i < 5; i++) {
			Api.Response wrong = web.post("/reauthenticate", proof(prompt, "not the password " + i, null));
			assertThat(wrong.status()).isEqualTo(401);
			assertThat(wrong.body()).contains("The password is not correct").contains("Confirm it is you");
			// The form is carried again, for the next try.
			assertThat(WebSession.hiddenFields(wrong.body(), "reauth-form")).contains(field("roles", "MANAGER"));
			prompt = wrong;
		}
		assertThat(rolesOfEmployee()).containsExactly("VIEWER");
		// Five failures lock the checks: now even the right password is refused, and
		// nothing changes.
		Api.Response locked = web.post("/reauthenticate", proof(prompt, Tenants.PASSWORD, null));
		assertThat(locked.status()).isEqualTo(429);
		assertThat(locked.body()).contains("Too many wrong attempts");
		assertThat(rolesOfEmployee()).containsExactly("VIEWER");
		assertThat(web.post("/admin/users/" + employee.id(), makeManager()).status()).isEqualTo(401);
		List<String> reasons = new ArrayList<>();
		new Api(port).get("/api/v1/audit?action=user.password_change_failed&limit=500", adminToken)
			.json()
			.get("items")
			.forEach(event -> reasons.add(event.get("reason").asString()));
		assertThat(reasons).filteredOn("wrong_password_reentry"::equals).hasSize(5);
	}

	@Test
	void withMfaTheCodeIsNeededAndWrongCodesCountTowardTheLockout() {
		WebSession web = signedIn();
		Api api = new Api(port);
		String secret = api.post("/api/v1/me/mfa/totp", null, adminToken).text("secret");
		long step = Totp.step(clock.instant());
		assertThat(api.post("/api/v1/me/mfa/totp/confirm", Map.of("code", Totp.code(secret, step - 1)), adminToken)
			.status()).isEqualTo(200);
		clock.advance(Duration.ofMinutes(11));
		step = Totp.step(clock.instant());

		Api.Response prompt = web.post("/admin/users/" + employee.id(), makeManager());
		assertThat(prompt.body()).contains("Authentication code");
		Api.Response noCode = web.post("/reauthenticate", proof(prompt, Tenants.PASSWORD, null));
		assertThat(noCode.status()).isEqualTo(401);
		assertThat(noCode.body()).contains("The code is not correct");
		for (int i = 0; i < 4; i++) {
			Api.Response wrong = web.post("/reauthenticate",
					proof(prompt, Tenants.PASSWORD, "000000".equals(Totp.code(secret, step)) ? "111111" : "000000"));
			assertThat(wrong.status()).isEqualTo(401);
			assertThat(wrong.body()).contains("The code is not correct");
		}
		assertThat(rolesOfEmployee()).containsExactly("VIEWER");
		// Five wrong codes after the right password lock the checks like five wrong
		// passwords.
		Api.Response locked = web.post("/reauthenticate", proof(prompt, Tenants.PASSWORD, Totp.code(secret, step)));
		assertThat(locked.status()).isEqualTo(429);
		assertThat(rolesOfEmployee()).containsExactly("VIEWER");
	}

	@Test
	void withMfaTheRightPasswordAndCodeCompleteTheAction() {
		WebSession web = signedIn();
		Api api = new Api(port);
		String secret = api.post("/api/v1/me/mfa/totp", null, adminToken).text("secret");
		long step = Totp.step(clock.instant());
		api.post("/api/v1/me/mfa/totp/confirm", Map.of("code", Totp.code(secret, step - 1)), adminToken);
		clock.advance(Duration.ofMinutes(11));
		step = Totp.step(clock.instant());

		Api.Response prompt = web.post("/admin/users/" + employee.id(), makeManager());
		Api.Response done = web.post("/reauthenticate", proof(prompt, Tenants.PASSWORD, Totp.code(secret, step)));
		assertThat(done.status()).as(done.body()).isEqualTo(302);
		assertThat(rolesOfEmployee()).containsExactlyInAnyOrder("MANAGER", "VIEWER");
	}

	@Test
	void theReplayGoesOnlyToASensitiveActionOfThisApplication() {
		WebSession web = signedIn();
		clock.advance(Duration.ofMinutes(11));
		for (String path : List.of("//evil.example/admin", "https://evil.example/", "/\\evil.example",
				"/api/v1/admin/users", "/reauthenticate", "/admin/users/../me/password", "/admin/%2e%2e/me/password",
				"evil")) {
			Api.Response refused = web.post("/reauthenticate", List.of(field("reauth.path", path),
					field("reauth.method", "POST"), field("reauth.password", Tenants.PASSWORD)));
			assertThat(refused.status()).as(path).isEqualTo(400);
		}
		// A path of the app that is not a sensitive action: the proof passes, the replay
		// is refused.
		Api.Response notSensitive = web.post("/reauthenticate",
				List.of(field("reauth.path", "/me/password"), field("reauth.method", "POST"),
						field("reauth.password", Tenants.PASSWORD), field("currentPassword", Tenants.PASSWORD),
						field("newPassword", "a completely new passphrase"),
						field("confirmPassword", "a completely new passphrase")));
		assertThat(notSensitive.status()).isEqualTo(400);
		assertThat(new Api(port)
			.post("/api/v1/auth/login",
					Map.of("tenant", tenant.slug(), "email", tenant.adminEmail(), "password", Tenants.PASSWORD), null)
			.status()).isEqualTo(200);
		// A GET goes back by redirect to a path of this site only.
		Api.Response get = web.post("/reauthenticate", List.of(field("reauth.path", "/admin/security-settings?x=1"),
				field("reauth.method", "GET"), field("reauth.password", Tenants.PASSWORD)));
		assertThat(get.status()).isEqualTo(302);
		assertThat(get.raw().headers().firstValue("Location").orElseThrow()).endsWith("/admin/security-settings?x=1");
	}

	@Test
	void theProofNeedsTheCsrfTokenOfThisSite() {
		WebSession web = signedIn();
		clock.advance(Duration.ofMinutes(11));
		Api.Response prompt = web.post("/admin/users/" + employee.id(), makeManager());
		Api.Response forged = web.postRaw("/reauthenticate", proof(prompt, Tenants.PASSWORD, null));
		assertThat(forged.status()).isIn(302, 403);
		assertThat(forged.raw().headers().firstValue("Location").orElse(""))
			.doesNotEndWith("/admin/users/" + employee.id());
		assertThat(rolesOfEmployee()).containsExactly("VIEWER");
		// And the forged post proved nothing: the session still has to confirm.
		assertThat(web.post("/admin/users/" + employee.id(), makeManager()).status()).isEqualTo(401);
	}

	@Test
	void theSecuritySettingsPageShowsAndChangesWhoMustUseMfa() {
		WebSession web = signedIn();
		Api.Response page = web.get("/admin/security-settings");
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("Require it of everyone", "name=\"mfaRoles\" value=\"MANAGER\"");

		Api.Response saved = web.post("/admin/security-settings",
				List.of(field("mfaRoles", "MANAGER"), field("mfaRoles", "OPERATOR"), field("refreshLifetimeDays", "7"),
						field("rememberMeLifetimeDays", "30"), field("idleTimeoutMinutes", "60")));
		assertThat(saved.status()).as(saved.body()).isEqualTo(302);
		var settings = new Api(port).get("/api/v1/admin/security-settings", adminToken).json();
		assertThat(settings.get("mfa").get("requiredRoles").toString()).contains("MANAGER", "OPERATOR");
		assertThat(settings.get("sessions").get("idleTimeoutMinutes").asInt()).isEqualTo(60);

		// A refused lifetime leaves the MFA part unchanged too: nothing is half saved.
		Api.Response refused = web.post("/admin/security-settings",
				List.of(field("mfaEveryone", "true"), field("refreshLifetimeDays", "7"),
						field("rememberMeLifetimeDays", "30"), field("idleTimeoutMinutes", "1")));
		assertThat(refused.status()).isEqualTo(200);
		assertThat(refused.body()).contains("Between 15 minutes and 30 days");
		settings = new Api(port).get("/api/v1/admin/security-settings", adminToken).json();
		assertThat(settings.get("mfa").get("requiredForEveryone").asBoolean()).isFalse();
		assertThat(settings.get("sessions").get("idleTimeoutMinutes").asInt()).isEqualTo(60);
	}

	@Test
	void theSecuritySettingsPageSetsThePasswordHistory() {
		WebSession web = signedIn();
		assertThat(web.get("/admin/security-settings").body()).contains("name=\"passwordHistoryCount\"");

		Api.Response saved = web.post("/admin/security-settings",
				List.of(field("passwordHistoryCount", "5"), field("refreshLifetimeDays", "7"),
						field("rememberMeLifetimeDays", "30"), field("idleTimeoutMinutes", "60")));
		assertThat(saved.status()).as(saved.body()).isEqualTo(302);
		Api api = new Api(port);
		assertThat(api.get("/api/v1/admin/security-settings/password-policy", adminToken)
			.json()
			.get("historyCount")
			.asInt()).isEqualTo(5);

		// Out of range: refused on its field, and nothing else on the page is saved
		// either.
		Api.Response refused = web.post("/admin/security-settings",
				List.of(field("passwordHistoryCount", "13"), field("refreshLifetimeDays", "7"),
						field("rememberMeLifetimeDays", "30"), field("idleTimeoutMinutes", "90")));
		assertThat(refused.status()).isEqualTo(200);
		assertThat(refused.body()).contains("Enter 0 (off) to 12");
		assertThat(api.get("/api/v1/admin/security-settings/password-policy", adminToken)
			.json()
			.get("historyCount")
			.asInt()).isEqualTo(5);
		assertThat(api.get("/api/v1/admin/security-settings", adminToken)
			.json()
			.get("sessions")
			.get("idleTimeoutMinutes")
			.asInt()).isEqualTo(60);
	}

	@Test
	void anAdministratorResetsAUsersMfaFromTheUserPage() {
		WebSession web = signedIn();
		Api api = new Api(port);
		String employeeToken = api.login(tenant.slug(), employee.email(), Tenants.PASSWORD).access();
		String secret = api.post("/api/v1/me/mfa/totp", null, employeeToken).text("secret");
		api.post("/api/v1/me/mfa/totp/confirm", Map.of("code", Totp.code(secret, Totp.step(clock.instant()))),
				employeeToken);
		assertThat(api.get("/api/v1/admin/users/" + employee.id(), adminToken).json().get("mfaEnrolled").asBoolean())
			.isTrue();
		Api.Response page = web.get("/admin/users/" + employee.id());
		assertThat(page.body()).contains("Reset two-factor", "Two-factor authentication is on");

		clock.advance(Duration.ofMinutes(11));
		assertThat(web.post("/admin/users/" + employee.id() + "/mfa/reset", List.of()).status()).isEqualTo(401);
		assertThat(api.get("/api/v1/admin/users/" + employee.id(), adminToken).json().get("mfaEnrolled").asBoolean())
			.isTrue();

		Api.Response prompt = web.post("/admin/users/" + employee.id() + "/mfa/reset", List.of());
		Api.Response done = web.post("/reauthenticate", proof(prompt, Tenants.PASSWORD, null));
		assertThat(done.status()).isEqualTo(302);
		assertThat(api.get("/api/v1/admin/users/" + employee.id(), adminToken).json().get("mfaEnrolled").asBoolean())
			.isFalse();
		// Audited, and the user's sessions ended.
		assertThat(api.get("/api/v1/audit?action=user.mfa_reset&entityId=" + employee.id(), adminToken)
			.json()
			.get("items")
			.size()).isEqualTo(1);
		assertThat(api.get("/api/v1/me", employeeToken).status()).isEqualTo(401);
	}

	@Test
	void mfaThatTheWorkspaceRequiresCannotBeTurnedOff() {
		signedIn();
		Api api = new Api(port);
		String employeeToken = api.login(tenant.slug(), employee.email(), Tenants.PASSWORD).access();
		String secret = api.post("/api/v1/me/mfa/totp", null, employeeToken).text("secret");
		api.post("/api/v1/me/mfa/totp/confirm", Map.of("code", Totp.code(secret, Totp.step(clock.instant()))),
				employeeToken);
		assertThat(api
			.send("PUT", "/api/v1/admin/security-settings", Map.of("mfa", Map.of("requiredRoles", List.of("VIEWER"))),
					adminToken)
			.status()).isEqualTo(200);

		Api.Response refused = api.delete("/api/v1/me/mfa", Map.of("password", Tenants.PASSWORD), employeeToken);
		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.code()).isEqualTo("mfa_required_by_policy");
		WebSession page = new WebSession(port, employeeToken, "10.78.0.1");
		Api.Response web = page.post("/me/mfa/disable", List.of(field("password", Tenants.PASSWORD)));
		assertThat(web.status()).isEqualTo(409);
		assertThat(web.body()).contains("requires two-factor authentication for your account");
		assertThat(api.get("/api/v1/me", employeeToken).json().get("mfaEnrolled").asBoolean()).isTrue();
	}

}
