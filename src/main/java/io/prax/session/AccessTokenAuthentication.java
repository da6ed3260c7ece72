package io.prax.session;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import io.prax.identity.CurrentUser;
import io.prax.identity.UserAccount;
import io.prax.identity.UserId;
import io.prax.tenancy.TenantContext;
import io.prax.tenancy.TenantInfo;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** The user behind a verified access token, while its session is live. */
@Component
class AccessTokenAuthentication {

	private final UserSessions sessions;

	private final SessionLiveness liveness;

	private final LastSeen lastSeen;

	private final Principals principals;

	private final TransactionTemplate transactions;

	private final Clock clock;

	AccessTokenAuthentication(UserSessions sessions, SessionLiveness liveness, LastSeen lastSeen, Principals principals,
			TransactionTemplate transactions, Clock clock) {
		this.sessions = sessions;
		this.liveness = liveness;
		this.lastSeen = lastSeen;
		this.principals = principals;
		this.transactions = transactions;
		this.clock = clock;
	}

	/** The user behind a verified access token, if its session is still live. */
	CurrentUser authenticate(AccessTokens.Claims claims) {
		return authenticate(claims, null);
	}

	/**
	 * The user behind a verified access token, if its session is still live. Liveness,
	 * the user and the tenant come from this node's caches while the notification channel
	 * is healthy, else from the database; every node forgets them at a revocation or a
	 * committed change, so a role change or a deactivation applies at the next request.
	 */
	CurrentUser authenticate(AccessTokens.Claims claims, @Nullable ClientInfo client) {
		Instant now = Instant.now(clock);
		UUID sessionId = claims.session().value();
		// the callbacks answer null for "not live"; NullAway outside JSpecify mode (JDK
		// 17) reads their T as non-null
		@SuppressWarnings("NullAway")
		@Nullable CurrentUser user = TenantContext.call(claims.tenant(), () -> {
			Optional<SessionLiveness.Live> live = liveness.find(sessionId,
					() -> transactions.execute(status -> sessions.findById(sessionId)
						.filter(session -> session.liveAt(now))
						.map(session -> new SessionLiveness.Live(session.userId(), session.expiresAt()))));
			if (live.isEmpty() || !now.isBefore(live.get().expiresAt())
					|| !live.get().userId().equals(claims.userId())) {
				return null;
			}
			return principals.find(claims.tenant(), new UserId(claims.userId())).map(principal -> {
				UserAccount account = principal.account();
				TenantInfo tenant = principal.tenant();
				return new CurrentUser(account.id(), account.tenantId(), sessionId, account.tier(), account.roles(),
						account.customerId(), account.name(), account.email(), tenant.slug(), tenant.name());
			}).orElse(null);
		});
		if (user == null) {
			throw new AccessTokens.Rejected("session_revoked");
		}
		lastSeen.record(claims.tenant(), claims.session(), now, client == null ? null : client.ip());
		return user;
	}

}
