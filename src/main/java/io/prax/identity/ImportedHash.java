package io.prax.identity;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * A password hash brought from another system, in a form the
 * {@code DelegatingPasswordEncoder} checks and later replaces with Argon2id:
 * <ul>
 * <li>bcrypt: {@code {bcrypt}$2b$12$…} or the plain modular form
 * {@code $2a$}/{@code $2b$}/{@code $2y$} ({@code $2y$10$} + 53 characters of bcrypt's
 * base64), cost 04 to 14;</li>
 * <li>PBKDF2: {@code {pbkdf2}} followed by 96 hex digits: a 16-byte salt and then the
 * 32-byte PBKDF2-HMAC-SHA256 key of 310,000 iterations, which is what Spring Security's
 * {@code Pbkdf2PasswordEncoder.defaultsForSpringSecurity_v5_8()} writes.</li>
 * </ul>
 * Anything else is refused; the hash itself never appears in a message.
 */
final class ImportedHash {

	static final String FORMAT_UNSUPPORTED = "hash_format_unsupported";
	static final String COST_OUT_OF_RANGE = "hash_cost_out_of_range";

	/**
	 * A cost of 15 or more would take seconds of a core at every sign-in until the hash
	 * is upgraded.
	 */
	static final int MAX_BCRYPT_COST = 14;
	static final int MIN_BCRYPT_COST = 4;

	private static final Pattern BCRYPT = Pattern.compile("\\$2[aby]\\$(\\d\\d)\\$[./A-Za-z0-9]{53}");

	private static final Pattern PBKDF2 = Pattern.compile("[0-9a-fA-F]{96}");

	/** The stored form, or the refusal's code. */
	record Parsed(@Nullable String stored, @Nullable String code) {

		static Parsed ok(String stored) {
			return new Parsed(stored, null);
		}

		static Parsed refused(String code) {
			return new Parsed(null, code);
		}
	}

	private ImportedHash() {
	}

	static Parsed parse(String hash) {
		String text = hash.strip();
		if (text.startsWith("{pbkdf2}")) {
			String hex = text.substring("{pbkdf2}".length());
			return PBKDF2.matcher(hex).matches() ? Parsed.ok("{pbkdf2}" + hex.toLowerCase(Locale.ROOT))
					: Parsed.refused(FORMAT_UNSUPPORTED);
		}
		String bcrypt = text.startsWith("{bcrypt}") ? text.substring("{bcrypt}".length()) : text;
		Matcher matcher = BCRYPT.matcher(bcrypt);
		if (!matcher.matches()) {
			return Parsed.refused(FORMAT_UNSUPPORTED);
		}
		int cost = Integer.parseInt(matcher.group(1));
		if (cost < MIN_BCRYPT_COST || cost > MAX_BCRYPT_COST) {
			return Parsed.refused(COST_OUT_OF_RANGE);
		}
		return Parsed.ok("{bcrypt}" + bcrypt);
	}

}
