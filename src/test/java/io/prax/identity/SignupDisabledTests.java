package io.prax.identity;

import java.util.Map;

import io.prax.support.Api;
import io.prax.support.PraxIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * By default nobody can create a workspace from outside, and the one-time set-up page is
 * hidden.
 */
@PraxIntegrationTest
class SignupDisabledTests {

	@LocalServerPort
	int port;

	@Test
	void hidesSignupUnlessEnabled() {
		Api api = new Api(port);

		var signup = api.post("/api/v1/signup", Map.of("tenantSlug", "sneaky", "tenantName", "Sneaky", "adminEmail",
				"a@sneaky.example", "adminName", "A", "adminPassword", "a sufficiently long password"), null);

		assertThat(signup.status()).isEqualTo(404);
		assertThat(api.get("/signup", null).status()).isEqualTo(404);
	}

	@Test
	void hidesTheSetupPageWithoutTheOneTimeToken() {
		Api api = new Api(port);

		assertThat(api.get("/setup", null).status()).isEqualTo(404);
		assertThat(api.get("/setup?token=guess", null).status()).isEqualTo(404);
	}

}
