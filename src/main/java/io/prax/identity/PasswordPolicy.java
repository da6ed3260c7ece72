package io.prax.identity;

import java.util.Locale;

import io.prax.platform.ProblemException;
import org.springframework.http.HttpStatus;

/**
 * NIST-style password rules: 12 to 128 characters, no composition rules, and not built from the
 * user's own email or name.
 */
final class PasswordPolicy {

	static final int MIN_LENGTH = 12;
	static final int MAX_LENGTH = 128;

	private PasswordPolicy() {
	}

	static void check(String password, String email, String name) {
		int length = password == null ? 0 : password.codePointCount(0, password.length());
		if (length < MIN_LENGTH) {
			throw new ProblemException(HttpStatus.BAD_REQUEST, "password_too_short",
					"Use at least " + MIN_LENGTH + " characters; a passphrase of a few words is easy to remember");
		}
		if (length > MAX_LENGTH) {
			throw new ProblemException(HttpStatus.BAD_REQUEST, "password_too_long",
					"Use at most " + MAX_LENGTH + " characters");
		}
		String lower = password.toLowerCase(Locale.ROOT);
		String local = email.toLowerCase(Locale.ROOT).split("@", 2)[0];
		String compactName = name.toLowerCase(Locale.ROOT).replaceAll("\\s+", "");
		if ((local.length() >= 4 && lower.contains(local)) || (compactName.length() >= 4 && lower.contains(compactName))
				|| lower.equals(email.toLowerCase(Locale.ROOT))) {
			throw new ProblemException(HttpStatus.BAD_REQUEST, "password_too_similar",
					"The password must not contain your email or name");
		}
	}
}
