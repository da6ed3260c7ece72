package io.prax.session;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import io.prax.identity.CurrentUser;
import io.prax.identity.UserDirectory;
import io.prax.identity.PasswordCheck;
import io.prax.identity.MfaManagement;
import io.prax.identity.UserAccount;
import io.prax.identity.UserStatus;
import io.prax.platform.ProblemException;
import io.prax.platform.RateLimited;
import io.prax.platform.RetryLater;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Re-authentication for an electronic signature (21 CFR 11.200(a)): the signed-in user
 * enters the password and, when enrolled, a TOTP or backup code in the signing request
 * itself. The attempt is reserved with the sign-in throttle under the user's own sign-in
 * key before anything is checked, so a failure counts toward the account's lockout
 * exactly as a failed sign-in does, and a locked account cannot sign (429). The session
 * must still be live and the user active at that moment.
 */
@Component
public class SigningAuthentication {

	/** Problem code of a wrong password or code: the same answer for both. */
	public static final String INVALID_CREDENTIALS = "invalid_credentials";

	private final SignInThrottle throttle;

	private final UserDirectory identity;

	private final PasswordCheck signIn;

	private final MfaManagement mfa;

	private final UserSessions sessions;

	private final TransactionTemplate transactions;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	SigningAuthentication(SignInThrottle throttle, UserDirectory identity, PasswordCheck signIn, MfaManagement mfa,
			UserSessions sessions, TransactionTemplate transactions, ApplicationEventPublisher events, Clock clock) {
		this.throttle = throttle;
		this.identity = identity;
		this.signIn = signIn;
		this.mfa = mfa;
		this.sessions = sessions;
		this.transactions = transactions;
		this.events = events;
		this.clock = clock;
	}

	/** Who signed, as the user record says now (the printed name comes from here). */
	public record Signer(UserAccount account, boolean secondFactor) {
	}

	/**
	 * Checks the current user's password and second factor; call outside any transaction.
	 * 401 {@code invalid_credentials} for a wrong password or code (counted, and
	 * published as a {@link SignInFailed} with reason {@code signature_wrong_password} or
	 * {@code signature_wrong_code}), 429 while the account or address is locked, 401
	 * {@code session_revoked} for a session that ended.
	 */
	public Signer confirm(String password, @Nullable String code) {
		CurrentUser me = CurrentUser.require();
		Instant now = Instant.now(clock);
		boolean live = Boolean.TRUE.equals(transactions.execute(status -> sessions.findById(me.sessionId())
			.map(session -> session.liveAt(now) && session.userId().equals(me.id().value()))
			.orElse(false)));
		if (!live) {
			throw new ProblemException(HttpStatus.UNAUTHORIZED, "session_revoked",
					"This session has ended; sign in again");
		}
		UserAccount account = identity.find(me.id())
			.filter(u -> u.status() == UserStatus.ACTIVE)
			.orElseThrow(() -> new ProblemException(HttpStatus.UNAUTHORIZED, INVALID_CREDENTIALS,
					"This account cannot sign"));
		String ip = client().ip();
		String accountKey = SignInThrottle.accountKey(me.tenantSlug(), account.email());
		String addressKey = SignInThrottle.addressKey(ip);
		SignInThrottle.Verdict verdict = throttle.reserve(accountKey, addressKey);
		if (verdict instanceof SignInThrottle.TooManyFromAddress tooMany) {
			throw new RateLimited(tooMany.retryAfter());
		}
		if (verdict instanceof SignInThrottle.AccountLocked locked) {
			failed(me, account, "signature_account_locked");
			throw new RetryLater(HttpStatus.TOO_MANY_REQUESTS, SignInThrottle.TOO_MANY_ATTEMPTS,
					"Too many failed attempts for this account; try again later", locked.retryAfter());
		}
		SignInThrottle.Reserved reserved = (SignInThrottle.Reserved) verdict;
		Optional<UserAccount> checked;
		try {
			checked = signIn.authenticate(account.email(), password);
		}
		catch (RuntimeException notChecked) {
			throttle.release(reserved);
			throw notChecked;
		}
		if (checked.isEmpty() || !checked.get().id().equals(me.id())) {
			failed(me, account, "signature_wrong_password");
			throw invalid();
		}
		boolean enrolled = mfa.enrolled(me.id());
		if (enrolled && !mfa.verify(me.id(), code)) {
			failed(me, account, "signature_wrong_code");
			throw invalid();
		}
		throttle.succeeded(reserved);
		return new Signer(checked.get(), enrolled);
	}

	private void failed(CurrentUser me, UserAccount account, String reason) {
		ClientInfo client = client();
		events.publishEvent(new SignInFailed(me.tenantId(), account.email(), reason, client.ip(), client.userAgent()));
	}

	private static ProblemException invalid() {
		return new ProblemException(HttpStatus.UNAUTHORIZED, INVALID_CREDENTIALS,
				"The password or code is not correct");
	}

	private static ClientInfo client() {
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
			HttpServletRequest request = attributes.getRequest();
			return ClientInfo.of(request);
		}
		return new ClientInfo(null, null);
	}

}
