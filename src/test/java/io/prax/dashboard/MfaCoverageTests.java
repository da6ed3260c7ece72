package io.prax.dashboard;

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
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The administrators' dashboard shows how many of the users who must use MFA have it, and
 * links to the users list of those who do not; the list shows who has MFA.
 */
@PraxIntegrationTest
class MfaCoverageTests {

	@LocalServerPort
	int port;

	@Autowired
	Onboarding onboarding;

	@Autowired
	UserLifecycle identity;

	@Test
	void theDashboardCountsWhoMustUseMfaAndHasItAndTheListShowsWhoDoesNot() {
		Api api = new Api(port);
		TestTenant tenant = Tenants.newTenant(onboarding);
		UserAccount first = Tenants.newUser(identity, tenant, Tier.EMPLOYEE, List.of("VIEWER"), null);
		UserAccount second = Tenants.newUser(identity, tenant, Tier.EMPLOYEE, List.of("VIEWER"), null);
		String admin = api.login(tenant.slug(), tenant.adminEmail(), Tenants.PASSWORD).access();
		// (The test suite lifts the built-in requirement for the ADMIN tier; the
		// workspace adds VIEWER.)
		assertThat(api
			.send("PUT", "/api/v1/admin/security-settings", Map.of("mfa", Map.of("requiredRoles", List.of("VIEWER"))),
					admin)
			.status()).isEqualTo(200);
		assertThat(coverage(api, admin)).isEqualTo("0 of 2");

		// Now required, the first enrols at sign-in (the test's authenticator app plays
		// along).
		api.login(tenant.slug(), first.email(), Tenants.PASSWORD);
		String dashboard = api.page("/", admin).body();
		assertThat(coverage(api, admin)).isEqualTo("1 of 2");
		assertThat(dashboard).contains("/admin/users?mfa=missing");

		String missing = api.page("/admin/users?mfa=missing", admin).body();
		assertThat(missing).contains("/admin/users/" + second.id().value())
			.doesNotContain("/admin/users/" + first.id().value())
			.doesNotContain("/admin/users/" + tenant.admin().id().value());
		String everyone = api.page("/admin/users", admin).body();
		assertThat(everyone).contains("/admin/users/" + first.id().value(),
				"/admin/users/" + tenant.admin().id().value(), "Required, not set up");

		assertThat(api
			.send("PUT", "/api/v1/admin/security-settings", Map.of("mfa", Map.of("requiredForEveryone", true)), admin)
			.status()).isEqualTo(200);
		assertThat(coverage(api, admin)).isEqualTo("1 of 3");
	}

	private String coverage(Api api, String token) {
		String page = api.page("/", token).body();
		int card = page.indexOf("id=\"mfa-coverage\"");
		assertThat(card).as(page).isPositive();
		String value = page.substring(page.indexOf("stat-value", card));
		return value.substring(value.indexOf('>') + 1, value.indexOf('<'));
	}

}
