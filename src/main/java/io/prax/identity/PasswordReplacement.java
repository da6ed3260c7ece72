package io.prax.identity;

import java.time.Instant;
import java.util.List;

import org.springframework.stereotype.Component;

/**
 * The steps every way of setting a new password shares (own change, one-time link): the
 * policy for this user, the history rule, the hash, and the replacement itself, which
 * ends the user's outstanding links. Hashing runs outside any transaction; the callers
 * hold none while calling {@link #hash}.
 */
@Component
class PasswordReplacement {

	private final PasswordHashing passwords;

	private final PasswordPolicy policy;

	private final PasswordHistory history;

	private final CurrentWorkspace workspace;

	private final PasswordTokens tokens;

	PasswordReplacement(PasswordHashing passwords, PasswordPolicy policy, PasswordHistory history,
			CurrentWorkspace workspace, PasswordTokens tokens) {
		this.passwords = passwords;
		this.policy = policy;
		this.history = history;
		this.workspace = workspace;
		this.tokens = tokens;
	}

	/** The user's password as stored, with the hashes a new one must not match. */
	StoredPassword stored(User user) {
		return new StoredPassword(user.account(), user.passwordHash(), user.status(),
				history.hashesToAvoid(user.id(), user.passwordHash()));
	}

	/** The new password normalised, or 400 with the policy rule it breaks. */
	String checked(String newPassword, UserAccount account) {
		return policy.check(newPassword, workspace.owner(account.email(), account.name()));
	}

	/** The hash of an accepted password, or 400 {@code password_reused}. */
	String hash(String normalized, List<String> earlierHashes) {
		history.requireNotReused(normalized, earlierHashes);
		return passwords.encode(normalized);
	}

	/** Sets the new hash (remembering the old one) and ends every outstanding link. */
	void replace(User user, String newHash, Instant now) {
		history.remember(user.id(), user.passwordHash(), now);
		user.setPassword(newHash, now);
		tokens.endAllOf(user.id(), now);
	}

}
