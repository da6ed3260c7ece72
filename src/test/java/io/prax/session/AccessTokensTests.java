package io.prax.session;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.UUID;

import io.prax.platform.PraxProperties;
import io.prax.tenancy.TenantId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A token verified once is remembered by its hash, and remembering weakens nothing: it
 * still expires on the application clock, and any other bytes (a changed signature) are
 * verified in full.
 */
class AccessTokensTests {

	@TempDir
	Path dir;

	MovableClock clock;

	AccessTokens tokens;

	@BeforeEach
	void tokens() {
		clock = new MovableClock(Instant.parse("2026-12-01T10:00:00Z"));
		tokens = new AccessTokens(new PraxProperties(dir, dir.resolve("keys"), "http://localhost", null, null, false,
				false, null, "127.0.0.1", null, null, null), clock);
	}

	@Test
	void remembersAVerifiedTokenUntilItExpiresOnTheApplicationClock() {
		String token = tokens.issue(UUID.randomUUID(), new TenantId(UUID.randomUUID()),
				new SessionId(UUID.randomUUID()));
		AccessTokens.Claims first = tokens.verify(token);
		assertThat(tokens.verify(token)).isEqualTo(first);
		assertThat(tokens.rememberedTokens()).isEqualTo(1);

		clock.advance(AccessTokens.LIFETIME.plusSeconds(1));

		assertThatThrownBy(() -> tokens.verify(token)).isInstanceOfSatisfying(AccessTokens.Rejected.class,
				rejected -> assertThat(rejected.code()).isEqualTo("token_expired"));
	}

	@Test
	void verifiesOtherBytesInFullEvenWhenTheGenuineTokenIsRemembered() {
		String token = tokens.issue(UUID.randomUUID(), new TenantId(UUID.randomUUID()),
				new SessionId(UUID.randomUUID()));
		tokens.verify(token);
		int last = token.length() - 2;
		String tampered = token.substring(0, last) + (token.charAt(last) == 'A' ? 'B' : 'A') + token.charAt(last + 1);

		assertThatThrownBy(() -> tokens.verify(tampered)).isInstanceOfSatisfying(AccessTokens.Rejected.class,
				rejected -> assertThat(rejected.code()).isEqualTo("invalid_token"));
		assertThat(tokens.rememberedTokens()).isEqualTo(1);
	}

	static final class MovableClock extends Clock {

		private Instant now;

		MovableClock(Instant now) {
			this.now = now;
		}

		void advance(Duration by) {
			now = now.plus(by);
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return now;
		}

	}

}
