package io.prax.session;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * This node's memory of which sessions are live, in front of the {@code user_session}
 * table. A "live" entry is trusted for at most {@link #LIVE_BOUND}, and only while the
 * revocation listener is connected and recently alive
 * ({@link SessionRevocationListener}); otherwise every check goes to the database (fail
 * closed). A revocation is remembered as long as an access token of it can be valid.
 */
@Component
class SessionLiveness {

	/**
	 * The longest a cached "live" answer is believed without asking the database again.
	 */
	static final Duration LIVE_BOUND = Duration.ofSeconds(30);

	/** What the session row says, enough to decide without reading it again. */
	record Live(UUID userId, Instant expiresAt) {
	}

	private final Cache<UUID, Live> live = Caffeine.newBuilder()
		.maximumSize(100_000)
		.expireAfterWrite(LIVE_BOUND)
		.build();

	private final Cache<UUID, Boolean> revoked = Caffeine.newBuilder()
		.maximumSize(100_000)
		.expireAfterWrite(AccessTokens.LIFETIME.plusMinutes(1))
		.build();

	private volatile @Nullable Supplier<Boolean> trusted;

	/**
	 * Tells whether the revocation channel currently works; until set, the cache is not
	 * used.
	 */
	void trustWhile(Supplier<Boolean> channelHealthy) {
		this.trusted = channelHealthy;
	}

	boolean cacheUsable() {
		Supplier<Boolean> check = trusted;
		return check != null && check.get();
	}

	/**
	 * The session's liveness, from memory when the channel is healthy, else from
	 * {@code load} (the database). Empty when the session is unknown or revoked.
	 */
	Optional<Live> find(UUID sessionId, Supplier<Optional<Live>> load) {
		if (revoked.getIfPresent(sessionId) != null) {
			return Optional.empty();
		}
		if (!cacheUsable()) {
			return load.get();
		}
		Live cached = live.getIfPresent(sessionId);
		if (cached != null) {
			return Optional.of(cached);
		}
		Optional<Live> loaded = load.get();
		// A revocation that arrived while loading wins; re-check after caching to close
		// the race.
		if (loaded.isPresent() && cacheUsable()) {
			live.put(sessionId, loaded.get());
			if (revoked.getIfPresent(sessionId) != null) {
				live.invalidate(sessionId);
				return Optional.empty();
			}
		}
		return loaded;
	}

	/** A session was revoked, here or on another node. */
	void revoked(UUID sessionId) {
		revoked.put(sessionId, Boolean.TRUE);
		live.invalidate(sessionId);
	}

	/**
	 * Forget every "live" answer: the channel was lost or has just been re-established.
	 */
	void forgetLive() {
		live.invalidateAll();
	}

	long liveEntries() {
		return live.estimatedSize();
	}

}
