package io.prax.session;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import io.prax.identity.UserDirectory;
import io.prax.identity.UserAccount;
import io.prax.identity.UserId;
import io.prax.identity.UserStatus;
import io.prax.platform.Digests;
import io.prax.platform.ProblemException;
import io.prax.tenancy.TenantContext;
import io.prax.tenancy.TenantId;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Refresh tokens rotate on every use, and presenting a used one ends the session (theft).
 */
@Service
public class TokenRefresh {

	/**
	 * Two browser tabs, or an app's parallel requests, may race to refresh with the same
	 * token; that is not theft. A token presented again this soon after its use, from the
	 * address that used it, is refused without ending the session; later, or from
	 * elsewhere, it ends the session.
	 */
	static final Duration REFRESH_RACE = Duration.ofSeconds(10);

	/**
	 * Problem code of a refresh that lost such a race: the winner got the new tokens (a
	 * browser, its cookies).
	 */
	static final String RACED = "refresh_raced";

	private final UserSessions sessions;

	private final RefreshTokens refreshTokens;

	private final SessionSettingsRepository settings;

	private final SessionIssuer issuer;

	private final SessionRevocation revocation;

	private final UserDirectory identity;

	private final TransactionTemplate transactions;

	private final Clock clock;

	TokenRefresh(UserSessions sessions, RefreshTokens refreshTokens, SessionSettingsRepository settings,
			SessionIssuer issuer, SessionRevocation revocation, UserDirectory identity,
			TransactionTemplate transactions, Clock clock) {
		this.sessions = sessions;
		this.refreshTokens = refreshTokens;
		this.settings = settings;
		this.issuer = issuer;
		this.revocation = revocation;
		this.identity = identity;
		this.transactions = transactions;
		this.clock = clock;
	}

	/** How one refresh went: new tokens, or the problem code of its refusal. */
	private sealed interface Outcome {

	}

	private record Rotated(IssuedTokens tokens) implements Outcome {
	}

	private record Refused(String code) implements Outcome {
	}

	/**
	 * Exchanges a refresh token for new tokens. The token is used with one conditional
	 * update, so of parallel refreshes with one token exactly one wins. A token that was
	 * already used revokes the session, except when it comes back within
	 * {@link #REFRESH_RACE} from the address that used it (parallel requests of one
	 * client): then it is only refused. The session ends at its absolute lifetime from
	 * sign-in, however often it is refreshed.
	 */
	public IssuedTokens refresh(String refreshToken, ClientInfo client, boolean browser) {
		TenantId tenant = tenantOf(refreshToken);
		String tokenHash = Digests.sha256Hex(refreshToken);
		Outcome outcome = TenantContext.call(tenant, () -> transactions.execute(status -> {
			Instant now = Instant.now(clock);
			RefreshToken stored = refreshTokens.findById(tokenHash).orElse(null);
			if (stored == null) {
				return new Refused("invalid_refresh_token");
			}
			UserSession session = sessions.findById(stored.sessionId()).orElseThrow();
			if (stored.usedAt() != null) {
				return reused(session, stored.usedAt(), client, now);
			}
			SessionSettings current = settings.current();
			// Absolute lifetime from sign-in: a shortened setting applies at once,
			// nothing ever extends it.
			session.endNoLaterThan(session.createdAt().plus(current.lifetime(session.rememberMe())));
			if (!session.liveAt(now) || !now.isBefore(stored.expiresAt())) {
				return new Refused("session_revoked");
			}
			if (!session.rememberMe() && !session.lastSeenAt().plus(current.idleTimeout()).isAfter(now)) {
				revocation.end(session, now, "idle_timeout", null);
				return new Refused("session_revoked");
			}
			Optional<UserAccount> user = identity.find(new UserId(session.userId()))
				.filter(u -> u.status() == UserStatus.ACTIVE);
			if (user.isEmpty()) {
				revocation.end(session, now, "user_inactive", null);
				return new Refused("session_revoked");
			}
			// Waits for a parallel use of the same token to commit, then finds it used:
			// that one won.
			if (refreshTokens.use(tokenHash, now) == 0) {
				return new Refused(RACED);
			}
			session.seen(now, client.ip());
			return new Rotated(issuer.rotate(session, user.get(), now));
		}));
		if (outcome instanceof Rotated rotated) {
			return rotated.tokens();
		}
		String code = ((Refused) outcome).code();
		throw new ProblemException(HttpStatus.UNAUTHORIZED, code, switch (code) {
			case "refresh_token_reused" -> "This refresh token was already used; the session has been ended for safety";
			case "session_revoked" -> "This session has ended; sign in again";
			case RACED -> "This refresh token was just used by a parallel request, which got the new tokens";
			default -> "The refresh token is not valid";
		});
	}

	/** A used token again: a parallel request of the same client, or theft. */
	private Refused reused(UserSession session, Instant usedAt, ClientInfo client, Instant now) {
		boolean sameClient = session.ip() == null || session.ip().equals(client.ip());
		if (sameClient && usedAt.plus(REFRESH_RACE).isAfter(now) && session.liveAt(now)) {
			return new Refused(RACED);
		}
		revocation.end(session, now, "refresh_token_reuse", null);
		return new Refused("refresh_token_reused");
	}

	private static TenantId tenantOf(@Nullable String token) {
		int dot = token == null ? -1 : token.indexOf('.');
		try {
			if (token != null && dot == 36) {
				return new TenantId(UUID.fromString(token.substring(0, dot)));
			}
		}
		catch (IllegalArgumentException ex) {
			// fall through
		}
		throw new ProblemException(HttpStatus.UNAUTHORIZED, "invalid_refresh_token", "The refresh token is not valid");
	}

}
