package io.prax.identity;

import java.text.Normalizer;
import java.util.Locale;

import io.prax.platform.ProblemException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * The one password policy, applied wherever a password is set (sign-up, set-up,
 * invitation and reset links, change): NIST SP 800-63B style, so 12 to 128 characters of
 * any kind counted as code points after Unicode NFKC normalisation, no composition rules,
 * not a common or breached password, and not built from the user's email or name or the
 * workspace's name or slug. The history rule ({@code password_reused}) needs hashing and
 * lives in {@link PasswordHistory}.
 */
@Component
class PasswordPolicy {

	static final int MIN_LENGTH = 12;
	static final int MAX_LENGTH = 128;

	/**
	 * Longer input is refused before it is normalised: no NFKC form of it can be 128 code
	 * points or fewer.
	 */
	static final int MAX_RAW_LENGTH = 1024;

	/**
	 * Shorter parts of an email, name or workspace would refuse too many good passwords.
	 */
	private static final int MIN_PERSONAL_PART = 4;

	static final String TOO_SHORT = "password_too_short";
	static final String TOO_LONG = "password_too_long";
	static final String TOO_SIMILAR = "password_too_similar";
	static final String BREACHED = "password_breached";

	/** Whose password it is: what it must not contain. */
	record Owner(String email, String name, String workspaceName, String workspaceSlug) {
	}

	private final BreachedPasswords breached;

	PasswordPolicy(BreachedPasswords breached) {
		this.breached = breached;
	}

	/**
	 * The form every password is hashed and checked in: the same password typed in
	 * another form matches.
	 */
	static String normalize(String password) {
		return Normalizer.normalize(password, Normalizer.Form.NFKC);
	}

	/**
	 * Throws the rule's problem if {@code password} may not be set for {@code owner};
	 * else answers it normalised.
	 */
	String check(@Nullable String password, Owner owner) {
		if (password != null && password.length() > MAX_RAW_LENGTH) {
			throw tooLong();
		}
		String normalized = normalize(password == null ? "" : password);
		int length = normalized.codePointCount(0, normalized.length());
		if (length < MIN_LENGTH) {
			throw new ProblemException(HttpStatus.BAD_REQUEST, TOO_SHORT,
					"Use at least " + MIN_LENGTH + " characters; a passphrase of a few words is easy to remember");
		}
		if (length > MAX_LENGTH) {
			throw tooLong();
		}
		String squashed = squash(normalized);
		String email = owner.email().strip().toLowerCase(Locale.ROOT);
		if (normalized.toLowerCase(Locale.ROOT).contains(email) || containsPart(squashed, email.split("@", 2)[0])
				|| containsPart(squashed, owner.name())) {
			throw new ProblemException(HttpStatus.BAD_REQUEST, TOO_SIMILAR,
					"The password must not contain your email or name");
		}
		if (containsPart(squashed, owner.workspaceName()) || containsPart(squashed, owner.workspaceSlug())) {
			throw new ProblemException(HttpStatus.BAD_REQUEST, TOO_SIMILAR,
					"The password must not contain the workspace's name or id");
		}
		if (breached.contains(normalized)) {
			throw new ProblemException(HttpStatus.BAD_REQUEST, BREACHED,
					"This password is too common: it is on a list of passwords attackers try first. Choose another one");
		}
		return normalized;
	}

	private static ProblemException tooLong() {
		return new ProblemException(HttpStatus.BAD_REQUEST, TOO_LONG, "Use at most " + MAX_LENGTH + " characters");
	}

	private static boolean containsPart(String squashedPassword, @Nullable String part) {
		String squashedPart = part == null ? "" : squash(normalize(part));
		return squashedPart.codePointCount(0, squashedPart.length()) >= MIN_PERSONAL_PART
				&& squashedPassword.contains(squashedPart);
	}

	/**
	 * Lower case, letters and digits only: {@code Ada.Lovelace} and {@code ada lovelace}
	 * compare equal.
	 */
	private static String squash(String text) {
		StringBuilder kept = new StringBuilder(text.length());
		text.toLowerCase(Locale.ROOT).codePoints().filter(Character::isLetterOrDigit).forEach(kept::appendCodePoint);
		return kept.toString();
	}

}
