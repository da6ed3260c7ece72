package io.prax.session;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The per-node liveness cache: used only while the revocation channel is healthy,
 * revocations win.
 */
class SessionLivenessTests {

	final SessionLiveness liveness = new SessionLiveness();

	final AtomicBoolean channelHealthy = new AtomicBoolean(true);

	final AtomicInteger databaseReads = new AtomicInteger();

	final UUID session = UUID.randomUUID();

	final SessionLiveness.Live live = new SessionLiveness.Live(UUID.randomUUID(), Instant.now().plusSeconds(600));

	SessionLivenessTests() {
		liveness.trustWhile(channelHealthy::get);
	}

	@Test
	void answersFromMemoryWhileTheChannelIsHealthy() {
		assertThat(find()).contains(live);
		assertThat(find()).contains(live);

		assertThat(databaseReads).hasValue(1);
	}

	@Test
	void asksTheDatabaseEveryTimeWhileTheChannelIsDown() {
		find();
		channelHealthy.set(false);

		find();
		find();

		assertThat(databaseReads).hasValue(3);
	}

	@Test
	void neverAnswersLiveAfterARevocation() {
		find();

		liveness.revoked(session);

		assertThat(find()).isEmpty();
		assertThat(databaseReads).hasValue(1);
	}

	@Test
	void letsARevocationArrivingDuringALoadWin() {
		Optional<SessionLiveness.Live> answer = liveness.find(session, () -> {
			liveness.revoked(session);
			return Optional.of(live);
		});

		assertThat(answer).isEmpty();
		assertThat(liveness.liveEntries()).isZero();
	}

	@Test
	void forgetsEveryLiveAnswerOnReconnect() {
		find();

		liveness.forgetLive();
		find();

		assertThat(databaseReads).hasValue(2);
	}

	private Optional<SessionLiveness.Live> find() {
		return liveness.find(session, () -> {
			databaseReads.incrementAndGet();
			return Optional.of(live);
		});
	}

}
