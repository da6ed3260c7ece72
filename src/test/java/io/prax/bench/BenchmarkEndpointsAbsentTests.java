package io.prax.bench;

import java.util.Map;

import io.prax.identity.Onboarding;
import io.prax.support.Api;
import io.prax.support.PraxIntegrationTest;
import io.prax.support.Tenants;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Without the benchmark profile there is no baseline, no bulk path and no open
 * {@code /bench} chain: even a signed-in administrator gets 404, and an anonymous caller
 * is sent to sign in like anywhere else.
 */
@PraxIntegrationTest
class BenchmarkEndpointsAbsentTests {

	@LocalServerPort
	int port;

	@Autowired
	Onboarding onboarding;

	@Test
	void benchmarkEndpointsDoNotExistWithoutTheProfile() {
		Api api = new Api(port);
		Tenants.TestTenant tenant = Tenants.newTenant(onboarding);
		String token = api.login(tenant.slug(), tenant.adminEmail(), Tenants.PASSWORD).access();
		String customer = api.post("/api/v1/customers", Map.of("name", "Baseline Ltd"), token).text("id");
		String baseline = "/bench/baseline/tenants/" + tenant.id().value() + "/customers";

		assertThat(api.get(baseline + "/" + customer, token).status()).isEqualTo(404);
		assertThat(api.get(baseline + "/" + customer + "/through-service", token).status()).isEqualTo(404);
		assertThat(api.post(baseline, Map.of("name", "Plain Ltd"), token).status()).isEqualTo(404);
		assertThat(api
			.post("/bench/data/workspaces",
					Map.of("slug", "bench-x", "adminEmail", "a@bench-x.example", "password", Tenants.PASSWORD, "users",
							1),
					token)
			.status()).isEqualTo(404);
		assertThat(api.get("/bench/data/memory", token).status()).isEqualTo(404);

		assertThat(api.get(baseline + "/" + customer, null).status()).isIn(302, 401);
		assertThat(api.get("/bench/data/password-cost", null).status()).isIn(302, 401);
	}

}
