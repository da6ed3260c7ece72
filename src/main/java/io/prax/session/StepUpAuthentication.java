package io.prax.session;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import io.prax.identity.CurrentUser;
import io.prax.identity.OwnPassword;
import io.prax.identity.MfaManagement;
import io.prax.platform.ProblemException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Re-authentication for sensitive actions: a session proves its password (and code)
 * again, and counts as recently authenticated for 10 minutes.
 */
@Service
public class StepUpAuthentication {

	/** How recent a proof of password (and code) a sensitive action needs. */
	static final Duration RECENT_AUTHENTICATION = Duration.ofMinutes(10);

	private final UserSessions sessions;

	private final OwnPassword identity;

	private final MfaManagement mfa;

	private final TransactionTemplate transactions;

	private final Clock clock;

	StepUpAuthentication(UserSessions sessions, OwnPassword identity, MfaManagement mfa,
			TransactionTemplate transactions, Clock clock) {
		this.sessions = sessions;
		this.identity = identity;
		this.mfa = mfa;
		this.transactions = transactions;
		this.clock = clock;
	}

	/**
	 * The signed-in user proves their password again, and their TOTP or a backup code
	 * when enrolled; sensitive actions of this session are then allowed for 10 minutes.
	 * Wrong passwords are throttled like password changes, and so are wrong codes (401
	 * {@code invalid_mfa_code}).
	 */
	public void reauthenticate(@Nullable String password, @Nullable String code) {
		CurrentUser me = CurrentUser.require();
		boolean enrolled = mfa.enrolled(me.id());
		identity.confirmOwnPassword(password, () -> !enrolled || mfa.verify(me.id(), code));
		transactions.executeWithoutResult(status -> sessions.findById(me.sessionId())
			.ifPresent(session -> session.reauthenticated(Instant.now(clock))));
	}

	/**
	 * 401 {@code reauthentication_required} unless the caller's session proved itself
	 * within 10 minutes.
	 */
	void requireRecentAuthentication(CurrentUser user) {
		if (!recentlyAuthenticated(user)) {
			throw new ProblemException(HttpStatus.UNAUTHORIZED, "reauthentication_required",
					"Confirm your password" + " (and code) to do this: POST /api/v1/auth/reauthenticate");
		}
	}

	/**
	 * Whether the caller's session proved its password (and code) within the last 10
	 * minutes.
	 */
	boolean recentlyAuthenticated(CurrentUser user) {
		Instant now = Instant.now(clock);
		return Boolean.TRUE.equals(transactions.execute(status -> sessions.findById(user.sessionId())
			.map(session -> session.authenticatedAt().plus(RECENT_AUTHENTICATION).isAfter(now))
			.orElse(false)));
	}

}
