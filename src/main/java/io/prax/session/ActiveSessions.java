package io.prax.session;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.prax.identity.CurrentUser;
import io.prax.identity.UserDirectory;
import io.prax.identity.UserAccount;
import io.prax.identity.UserId;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/** Lists live sessions: one's own, or the tenant's for administrators. */
@Service
public class ActiveSessions {

	private final UserSessions sessions;

	private final UserDirectory identity;

	private final Devices devices;

	private final TransactionTemplate transactions;

	private final Clock clock;

	ActiveSessions(UserSessions sessions, UserDirectory identity, Devices devices, TransactionTemplate transactions,
			Clock clock) {
		this.sessions = sessions;
		this.identity = identity;
		this.devices = devices;
		this.transactions = transactions;
		this.clock = clock;
	}

	/** The current user's live sessions, most recently used first. */
	public List<ActiveSession> mine() {
		CurrentUser me = CurrentUser.require();
		Instant now = Instant.now(clock);
		List<UserSession> found = transactions.execute(status -> sessions
			.findByUserIdAndRevokedAtIsNullAndExpiresAtAfterOrderByLastSeenAtDesc(me.id().value(), now));
		// Described outside the transaction: the first description builds the user-agent
		// analyzer.
		return found.stream().map(session -> describe(session, me.name(), me.email(), me)).toList();
	}

	/** Every live session of the tenant, or of one user, most recently used first. */
	public List<ActiveSession> active(@Nullable UserId user) {
		CurrentUser me = CurrentUser.require();
		Instant now = Instant.now(clock);
		Map<UUID, Optional<UserAccount>> owners = new HashMap<>();
		List<UserSession> found = transactions.execute(status -> {
			List<UserSession> live = user == null
					? sessions.findByRevokedAtIsNullAndExpiresAtAfterOrderByLastSeenAtDesc(now)
					: sessions.findByUserIdAndRevokedAtIsNullAndExpiresAtAfterOrderByLastSeenAtDesc(user.value(), now);
			live.forEach(session -> owners.computeIfAbsent(session.userId(), id -> identity.find(new UserId(id))));
			return live;
		});
		return found.stream().map(session -> {
			Optional<UserAccount> owner = owners.getOrDefault(session.userId(), Optional.empty());
			return describe(session, owner.map(UserAccount::name).orElse(""), owner.map(UserAccount::email).orElse(""),
					me);
		}).toList();
	}

	private ActiveSession describe(UserSession session, String userName, String userEmail, CurrentUser viewer) {
		Devices.Device device = devices.describe(session.userAgent());
		return new ActiveSession(new SessionId(session.id()), new UserId(session.userId()), userName, userEmail,
				device.type(), device.browser(), device.os(), session.ip(), session.createdAt(), session.lastSeenAt(),
				session.expiresAt(), session.rememberMe(), session.id().equals(viewer.sessionId()));
	}

}
