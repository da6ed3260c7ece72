package io.prax.session;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import io.prax.PraxApplication;
import io.prax.identity.Onboarding;
import io.prax.identity.Totp;
import io.prax.support.Api;
import io.prax.support.MfaRequired;
import io.prax.support.PraxIntegrationTest;
import io.prax.support.Tenants;
import io.prax.support.Tenants.TestTenant;
import io.prax.support.TestDataDirectory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A TOTP code (its time step) completes one sign-in, whichever node the second attempt
 * reaches.
 */
@PraxIntegrationTest
@MfaRequired
class MfaAcrossNodesTests {

	static ConfigurableApplicationContext nodeB;

	@LocalServerPort
	int port;

	@Autowired
	Onboarding onboarding;

	@BeforeAll
	static void startSecondNode() {
		nodeB = new SpringApplicationBuilder(PraxApplication.class).run("--server.port=0",
				"--prax.data-dir=" + TestDataDirectory.path(), "--prax.public-url=http://localhost",
				"--prax.mail.dispatch-interval=1h", "--prax.mfa.required-by-default=true");
	}

	@AfterAll
	static void stopSecondNode() {
		if (nodeB != null) {
			nodeB.close();
		}
	}

	private static String mfaToken(Api api, TestTenant tenant) {
		return api
			.post("/api/v1/auth/login",
					Map.of("tenant", tenant.slug(), "email", tenant.adminEmail(), "password", Tenants.PASSWORD), null)
			.text("mfaToken");
	}

	private static String enrol(Api api, TestTenant tenant) {
		String token = mfaToken(api, tenant);
		String secret = api.post("/api/v1/me/mfa/totp", null, token).text("secret");
		long step = Totp.step(Instant.now()) - 1;
		assertThat(api.post("/api/v1/me/mfa/totp/confirm", Map.of("code", Totp.code(secret, step)), token).status())
			.isEqualTo(200);
		return secret;
	}

	@Test
	void aCodeUsedOnOneNodeIsRefusedOnTheOther() {
		Api a = new Api(port);
		Api b = new Api(Integer.parseInt(nodeB.getEnvironment().getProperty("local.server.port")));
		TestTenant tenant = Tenants.newTenant(onboarding);
		String secret = enrol(a, tenant);
		String code = Totp.code(secret, Totp.step(Instant.now()));

		assertThat(a.post("/api/v1/auth/mfa", Map.of("mfaToken", mfaToken(a, tenant), "code", code), null).status())
			.isEqualTo(200);
		Api.Response replayed = b.post("/api/v1/auth/mfa", Map.of("mfaToken", mfaToken(b, tenant), "code", code), null);
		assertThat(replayed.status()).isEqualTo(401);
		assertThat(replayed.code()).isEqualTo("invalid_mfa_code");
	}

	@Test
	void ofParallelUsesOfOneCodeOnBothNodesExactlyOneSignsIn() throws Exception {
		Api a = new Api(port);
		Api b = new Api(Integer.parseInt(nodeB.getEnvironment().getProperty("local.server.port")));
		TestTenant tenant = Tenants.newTenant(onboarding);
		String secret = enrol(a, tenant);
		String code = Totp.code(secret, Totp.step(Instant.now()) + 1);
		List<String> tokens = new ArrayList<>();
		for (int i = 0; i < 8; i++) {
			tokens.add(mfaToken(i % 2 == 0 ? a : b, tenant));
		}
		ExecutorService pool = Executors.newFixedThreadPool(8);
		try {
			List<CompletableFuture<Integer>> answers = new ArrayList<>();
			for (int i = 0; i < tokens.size(); i++) {
				Api node = i % 2 == 0 ? a : b;
				String token = tokens.get(i);
				answers.add(CompletableFuture.supplyAsync(
						() -> node.post("/api/v1/auth/mfa", Map.of("mfaToken", token, "code", code), null).status(),
						pool));
			}
			List<Integer> statuses = new ArrayList<>();
			for (CompletableFuture<Integer> answer : answers) {
				statuses.add(answer.get(30, TimeUnit.SECONDS));
			}
			assertThat(statuses).filteredOn(status -> status == 200).hasSize(1);
			// The others are refused; once enough were refused, the lockout answers 429
			// instead.
			assertThat(statuses).filteredOn(status -> status == 401 || status == 429).hasSize(7);
		}
		finally {
			pool.shutdownNow();
		}
	}

}
