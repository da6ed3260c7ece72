package io.prax.identity;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * The rules every user's email and name follow, and the longest values anyone may send.
 */
public final class IdentityRules {

	/** Longest email anyone may send (RFC 5321 path limit). */
	public static final int MAX_EMAIL_LENGTH = 254;

	/**
	 * Longest password checked against a hash; new passwords follow the stricter password
	 * policy.
	 */
	public static final int MAX_PASSWORD_LENGTH = 1024;

	private static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]{2,}$");

	private IdentityRules() {
	}

	/**
	 * Field errors ({@code email}, {@code name}) for a user; empty when they are fine.
	 */
	public static Map<String, String> check(@Nullable String email, @Nullable String name) {
		Map<String, String> errors = new LinkedHashMap<>();
		if (email == null || email.length() > MAX_EMAIL_LENGTH || !EMAIL.matcher(email.strip()).matches()) {
			errors.put("email", "Enter a valid email address");
		}
		if (name == null || name.isBlank() || name.strip().length() > 200) {
			errors.put("name", "Enter a name (up to 200 characters)");
		}
		return errors;
	}

	/** An email as users are stored and found by: stripped, lower case. */
	static String normalize(@Nullable String email) {
		return email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
	}

}
