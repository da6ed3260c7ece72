package io.prax.session;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.prax.identity.UserLifecycle;
import io.prax.identity.Onboarding;
import io.prax.identity.Tier;
import io.prax.identity.UserAccount;
import io.prax.support.Api;
import io.prax.support.Authenticator;
import io.prax.support.MfaRequired;
import io.prax.support.PraxIntegrationTest;
import io.prax.support.Tenants;
import io.prax.support.Tenants.TestTenant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.bind.annotation.RequestMethod;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * After enrolment, no answer of the user, session, security and audit endpoints and no
 * admin or own page (every GET handler under those paths, walked from the mapping, and
 * the dashboard) shows a password, a password hash, a TOTP secret (or its ciphertext) or
 * a backup code.
 */
@PraxIntegrationTest
@MfaRequired
class MfaExposureTests {

	@LocalServerPort
	int port;

	@Autowired
	Onboarding onboarding;

	@Autowired
	UserLifecycle identity;

	@Autowired
	@org.springframework.beans.factory.annotation.Qualifier("requestMappingHandlerMapping")
	org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping mapping;

	@Test
	void noAnswerOrAdminPageShowsASecret() {
		Api api = new Api(port);
		TestTenant tenant = Tenants.newTenant(onboarding);
		UserAccount other = Tenants.newUser(identity, tenant, Tier.EMPLOYEE, List.of("REVIEWER"), null);
		api.login(tenant.slug(), other.email(), Tenants.PASSWORD);
		String admin = api.login(tenant.slug(), tenant.adminEmail(), Tenants.PASSWORD).access();
		List<String> secrets = new ArrayList<>(Authenticator.secrets(tenant.slug(), tenant.adminEmail()));
		secrets.addAll(Authenticator.secrets(tenant.slug(), other.email()));
		secrets.add(Tenants.PASSWORD);

		List<String> apis = List.of("/api/v1/me", "/api/v1/me/permissions", "/api/v1/me/sessions",
				"/api/v1/admin/users", "/api/v1/admin/users/" + other.id(),
				"/api/v1/admin/users/" + tenant.admin().id(), "/api/v1/admin/users/" + other.id() + "/overrides",
				"/api/v1/admin/sessions", "/api/v1/admin/security-settings", "/api/v1/audit?limit=500");
		List<String> pages = List.of("/admin/users", "/admin/users/" + other.id(),
				"/admin/users/" + tenant.admin().id(), "/admin/sessions", "/me", "/me/security", "/me/sessions",
				"/audit");
		for (String path : apis) {
			Api.Response response = api.get(path, admin);
			assertThat(response.status()).as(path).isEqualTo(200);
			check(path, response.body(), secrets);
		}
		for (String path : pages) {
			Api.Response response = api.page(path, admin);
			assertThat(response.status()).as(path).isEqualTo(200);
			check(path, response.body(), secrets);
		}

		// And every other GET of the user, admin and audit API and of the admin and own
		// pages, as it is mapped.
		List<String> walked = new ArrayList<>();
		for (var entry : mapping.getHandlerMethods().entrySet()) {
			Set<RequestMethod> methods = entry.getKey().getMethodsCondition().getMethods();
			if (!methods.isEmpty() && !methods.contains(RequestMethod.GET)) {
				continue;
			}
			for (String pattern : entry.getKey().getPatternValues()) {
				String path = concrete(pattern, other.id().toString());
				if (path == null || !(pattern.equals("/") || WALKED.stream().anyMatch(pattern::startsWith))) {
					continue;
				}
				walked.add(pattern);
				Api.Response response = path.startsWith("/api/") ? api.get(path, admin) : api.page(path, admin);
				assertThat(response.status()).as(path).isLessThan(500);
				check(path, response.body(), secrets);
			}
		}
		assertThat(walked).contains("/", "/admin/security-settings", "/api/v1/admin/users/{id}", "/admin/users/{id}",
				"/api/v1/audit/export", "/api/v1/admin/users/{id}/permissions");
	}

	/** Prefixes of the user, admin and audit answers and pages. */
	private static final List<String> WALKED = List.of("/api/v1/me", "/api/v1/admin", "/api/v1/audit", "/admin", "/me",
			"/audit");

	/**
	 * The pattern with a user's id for {id} of a user path and a built-in role for a
	 * role; else null (skipped).
	 */
	private static @org.jspecify.annotations.Nullable String concrete(String pattern, String userId) {
		String path = pattern.replace("/users/{id}", "/users/" + userId).replace("/roles/{id}", "/roles/REVIEWER");
		return path.contains("{") ? null : path;
	}

	private static void check(String path, String body, List<String> secrets) {
		// Hash shapes, not their names: the import page explains the {bcrypt} format in
		// words.
		assertThat(body).as(path)
			.doesNotContain("$argon2", "{argon2}", "{bcrypt}$", "secret_ciphertext", "\"v1:")
			.doesNotContainPattern("\\$2[aby]\\$\\d{2}\\$[./A-Za-z0-9]{53}")
			.doesNotContainPattern("\\{pbkdf2}[0-9a-f]{96}");
		for (String secret : secrets) {
			assertThat(body).as(path).doesNotContain(secret).doesNotContain(secret.replace("-", ""));
		}
	}

}
