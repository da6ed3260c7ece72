package io.prax.session;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import io.prax.identity.Onboarding;
import io.prax.support.Api;
import io.prax.support.PraxIntegrationTest;
import io.prax.support.Tenants;
import io.prax.support.Tenants.TestTenant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sensitive actions need a proof of the password within the last 10 minutes of the
 * session.
 */
@PraxIntegrationTest
@Import(StepUpTests.Config.class)
class StepUpTests {

	static final class MovableClock extends Clock {

		private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

		void advance(Duration by) {
			offset.accumulateAndGet(by, Duration::plus);
		}

		@Override
		public Instant instant() {
			return Instant.now().plus(offset.get());
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Config {

		@Bean
		@Primary
		MovableClock movableClock() {
			return new MovableClock();
		}

	}

	@LocalServerPort
	int port;

	@Autowired
	Onboarding onboarding;

	@Autowired
	MovableClock clock;

	@Test
	void aSensitiveActionWithAnOlderSessionIsRefusedUntilReauthenticated() {
		Api api = new Api(port);
		TestTenant tenant = Tenants.newTenant(onboarding);
		Api.Tokens tokens = api.login(tenant.slug(), tenant.adminEmail(), Tenants.PASSWORD);
		String access = tokens.access();
		Map<String, Object> change = Map.of("sessions", Map.of("idleTimeoutMinutes", 60));
		assertThat(api.send("PUT", "/api/v1/admin/security-settings", change, access).status()).isEqualTo(200);

		clock.advance(Duration.ofMinutes(11));
		Api.Response refused = api.send("PUT", "/api/v1/admin/security-settings", change, access);
		assertThat(refused.status()).isEqualTo(401);
		assertThat(refused.code()).isEqualTo("reauthentication_required");
		assertThat(api.post("/api/v1/admin/users/" + tenant.admin().id() + "/sessions/revoke-all", null, access).code())
			.isEqualTo("reauthentication_required");
		assertThat(api.get("/api/v1/audit/export", access).code()).isEqualTo("reauthentication_required");
		// Reading is not sensitive.
		assertThat(api.get("/api/v1/admin/security-settings", access).status()).isEqualTo(200);

		assertThat(
				api.post("/api/v1/auth/reauthenticate", Map.of("password", "not the password at all"), access).code())
			.isEqualTo("invalid_credentials");
		assertThat(api.send("PUT", "/api/v1/admin/security-settings", change, access).code())
			.isEqualTo("reauthentication_required");
		assertThat(api.post("/api/v1/auth/reauthenticate", Map.of("password", Tenants.PASSWORD), access).status())
			.isEqualTo(204);
		assertThat(api.send("PUT", "/api/v1/admin/security-settings", change, access).status()).isEqualTo(200);

		// Refreshing the tokens is no proof: the session's proof ages all the same.
		clock.advance(Duration.ofMinutes(11));
		String refreshed = api.post("/api/v1/auth/refresh", Map.of("refreshToken", tokens.refresh()), null)
			.text("accessToken");
		assertThat(api.send("PUT", "/api/v1/admin/security-settings", change, refreshed).code())
			.isEqualTo("reauthentication_required");
	}

}
