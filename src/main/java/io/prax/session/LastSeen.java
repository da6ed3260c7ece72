package io.prax.session;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.prax.tenancy.TenantContext;
import io.prax.tenancy.TenantId;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Coalesces "last seen" of sessions: at most one database write per session per
 * {@link #INTERVAL} on each node, written in batches off the request thread.
 */
@Component
class LastSeen {

	static final Duration INTERVAL = Duration.ofMinutes(1);

	private static final Logger log = LoggerFactory.getLogger(LastSeen.class);

	record Pending(TenantId tenant, UUID sessionId, Instant at, @Nullable String ip) {
	}

	private final Cache<UUID, Instant> recentlyRecorded = Caffeine.newBuilder()
		.maximumSize(100_000)
		.expireAfterWrite(INTERVAL)
		.build();

	private final Map<UUID, Pending> pending = new ConcurrentHashMap<>();

	private final UserSessions sessions;

	private final TransactionTemplate transactions;

	LastSeen(UserSessions sessions, TransactionTemplate transactions) {
		this.sessions = sessions;
		this.transactions = transactions;
	}

	void record(TenantId tenant, SessionId session, Instant at, @Nullable String ip) {
		if (recentlyRecorded.asMap().putIfAbsent(session.value(), at) == null) {
			pending.put(session.value(), new Pending(tenant, session.value(), at, ip));
		}
	}

	@Scheduled(fixedDelayString = "${prax.sessions.last-seen-flush:10s}",
			initialDelayString = "${prax.sessions.last-seen-flush:10s}")
	void flush() {
		if (pending.isEmpty()) {
			return;
		}
		List<Pending> batch = new ArrayList<>();
		for (UUID id : List.copyOf(pending.keySet())) {
			Pending p = pending.remove(id);
			if (p != null) {
				batch.add(p);
			}
		}
		Map<TenantId, List<Pending>> byTenant = batch.stream().collect(Collectors.groupingBy(Pending::tenant));
		byTenant.forEach((tenant, seen) -> {
			try {
				TenantContext.run(tenant, () -> transactions
					.executeWithoutResult(status -> seen.forEach(p -> sessions.touch(p.sessionId(), p.at(), p.ip()))));
			}
			catch (RuntimeException ex) {
				log.warn("Could not record last-seen times of {} sessions: {}", seen.size(), ex.getMessage());
			}
		});
	}

}
