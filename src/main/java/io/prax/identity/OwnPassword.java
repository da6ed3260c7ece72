package io.prax.identity;

import static io.prax.platform.Validation.checked;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.function.BooleanSupplier;

import io.prax.platform.ProblemException;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The signed-in user's own password: changing it, and entering it again before sensitive
 * actions. Both checks are throttled like sign-in ({@link PasswordChangeGuard}); hashes
 * run outside any transaction.
 */
@Service
public class OwnPassword {

	private final Users users;

	private final PasswordHashing passwords;

	private final DecoyHash decoy;

	private final PasswordChangeGuard guard;

	private final PasswordReplacement replacement;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final TransactionTemplate transactions;

	OwnPassword(Users users, PasswordHashing passwords, DecoyHash decoy, PasswordChangeGuard guard,
			PasswordReplacement replacement, ApplicationEventPublisher events, Clock clock,
			TransactionTemplate transactions) {
		this.users = users;
		this.passwords = passwords;
		this.decoy = decoy;
		this.guard = guard;
		this.replacement = replacement;
		this.events = events;
		this.clock = clock;
		this.transactions = transactions;
	}

	/**
	 * Changes the signed-in user's own password after checking the current one, throttled
	 * like sign-in (429 {@code too_many_attempts}); refusals are published as
	 * {@link PasswordChangeFailed}. Every other session and every outstanding reset or
	 * invitation link of the user ends; the session making the change stays signed in.
	 */
	public void changeOwnPassword(@Nullable String currentPassword, String newPassword) {
		CurrentUser me = CurrentUser.require();
		if (currentPassword != null && currentPassword.length() > IdentityRules.MAX_PASSWORD_LENGTH) {
			throw ProblemException
				.validation(Map.of("currentPassword", "At most " + IdentityRules.MAX_PASSWORD_LENGTH + " characters"));
		}
		StoredPassword stored = transactions.execute(status -> users.findById(me.id().value()).map(replacement::stored))
			.orElseThrow(() -> ProblemException.notFound("User"));
		String normalized = replacement.checked(newPassword, stored.account());
		PasswordChangeGuard.Attempt attempt;
		try {
			attempt = guard.reserve(me);
		}
		catch (ProblemException refused) {
			if (PasswordChangeGuard.TOO_MANY_ATTEMPTS.equals(refused.code())) {
				events.publishEvent(
						new PasswordChangeFailed(me.tenantId(), me.id(), PasswordChangeGuard.TOO_MANY_ATTEMPTS));
			}
			throw refused;
		}
		String hash = stored.hash();
		if (!matches(attempt, currentPassword, hash)) {
			events.publishEvent(new PasswordChangeFailed(me.tenantId(), me.id(), "wrong_current_password"));
			throw new ProblemException(HttpStatus.BAD_REQUEST, "invalid_current_password",
					"The current password is not correct");
		}
		attempt.passed();
		if (passwords.matches(normalized, checked(hash))) {
			throw new ProblemException(HttpStatus.BAD_REQUEST, "password_unchanged",
					"Choose a password different from the current one");
		}
		// The current hash was compared just above.
		String newHash = replacement.hash(normalized,
				stored.earlierHashes().stream().filter(h -> !h.equals(hash)).toList());
		transactions.executeWithoutResult(status -> {
			User user = users.findById(me.id().value()).orElseThrow(() -> ProblemException.notFound("User"));
			if (!checked(hash).equals(user.passwordHash())) {
				// Changed in parallel since we checked: the current password we checked
				// is no longer current.
				throw ProblemException.versionConflict();
			}
			Instant now = Instant.now(clock);
			replacement.replace(user, newHash, now);
			events.publishEvent(new PasswordChanged(me.tenantId(), me.id(), me.sessionId()));
		});
	}

	/**
	 * Checks the signed-in user's own password again (re-entry for MFA changes and
	 * sensitive actions), throttled like a password change (429
	 * {@code too_many_attempts}); 401 {@code invalid_credentials} when it is wrong. Call
	 * outside any transaction.
	 */
	public void confirmOwnPassword(@Nullable String password) {
		confirmOwnPassword(password, () -> true);
	}

	/**
	 * {@link #confirmOwnPassword(String)} with a second factor, checked only after the
	 * right password: a wrong one counts as one failed check like a wrong password (401
	 * {@code invalid_mfa_code}), so someone who knows the password cannot guess codes
	 * without locking the checks.
	 */
	public void confirmOwnPassword(@Nullable String password, BooleanSupplier secondFactor) {
		CurrentUser me = CurrentUser.require();
		if (password != null && password.length() > IdentityRules.MAX_PASSWORD_LENGTH) {
			throw ProblemException
				.validation(Map.of("password", "At most " + IdentityRules.MAX_PASSWORD_LENGTH + " characters"));
		}
		@Nullable String hash = transactions.execute(status -> users.findById(me.id().value()).map(User::passwordHash))
			.orElse(null);
		PasswordChangeGuard.Attempt attempt = guard.reserve(me);
		if (!matches(attempt, password, hash)) {
			events.publishEvent(new PasswordChangeFailed(me.tenantId(), me.id(), "wrong_password_reentry"));
			throw new ProblemException(HttpStatus.UNAUTHORIZED, "invalid_credentials", "The password is not correct");
		}
		if (!secondFactor.getAsBoolean()) {
			events.publishEvent(new PasswordChangeFailed(me.tenantId(), me.id(), "wrong_mfa_code_reentry"));
			throw new ProblemException(HttpStatus.UNAUTHORIZED, MfaManagement.INVALID_CODE,
					"The code is not correct or was already used");
		}
		attempt.passed();
	}

	/**
	 * Whether the password matches the stored hash (the decoy when there is none, so it
	 * costs the same); a check that could not run gives the reserved attempt back.
	 */
	private boolean matches(PasswordChangeGuard.Attempt attempt, @Nullable String password, @Nullable String hash) {
		try {
			return passwords.matches(password == null ? "" : password, decoy.or(hash)) && hash != null;
		}
		catch (RuntimeException notChecked) {
			attempt.notChecked();
			throw notChecked;
		}
	}

}
