package io.prax.identity;

import java.security.InvalidKeyException;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

import javax.crypto.spec.SecretKeySpec;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;

/**
 * RFC 6238 time-based one-time passwords as authenticator apps use them: HMAC-SHA1, 6
 * digits, 30-second steps, secrets in Base32 (RFC 4648, no padding).
 */
public final class Totp {

	public static final Duration STEP = Duration.ofSeconds(30);

	public static final int DIGITS = 6;
	static final int SECRET_BYTES = 20;

	private Totp() {
	}

	/** The time step an instant falls in. */
	public static long step(Instant at) {
		return Math.floorDiv(at.getEpochSecond(), STEP.getSeconds());
	}

	/** The 6-digit code of a Base32 secret for one time step. */
	public static String code(String base32Secret, long step) {
		return code(base32Decode(base32Secret), step, DIGITS, "HmacSHA1");
	}

	/**
	 * The code of a raw secret for one time step, with any RFC 6238 digit count and
	 * algorithm.
	 */
	public static String code(byte[] secret, long step, int digits, String algorithm) {
		try {
			TimeBasedOneTimePasswordGenerator generator = new TimeBasedOneTimePasswordGenerator(STEP, digits,
					algorithm);
			return generator.generateOneTimePasswordString(new SecretKeySpec(secret, algorithm),
					Instant.ofEpochSecond(step * STEP.getSeconds()), Locale.ROOT);
		}
		catch (InvalidKeyException ex) {
			throw new IllegalStateException("TOTP is not available", ex);
		}
	}

	private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

	public static String base32Encode(byte[] bytes) {
		StringBuilder out = new StringBuilder();
		int buffer = 0;
		int bits = 0;
		for (byte b : bytes) {
			buffer = (buffer << 8) | (b & 0xff);
			bits += 8;
			while (bits >= 5) {
				out.append(ALPHABET.charAt((buffer >> (bits - 5)) & 31));
				bits -= 5;
			}
		}
		if (bits > 0) {
			out.append(ALPHABET.charAt((buffer << (5 - bits)) & 31));
		}
		return out.toString();
	}

	public static byte[] base32Decode(String text) {
		String clean = text.replaceAll("[\\s=-]", "").toUpperCase(Locale.ROOT);
		byte[] out = new byte[clean.length() * 5 / 8];
		int buffer = 0;
		int bits = 0;
		int index = 0;
		for (char c : clean.toCharArray()) {
			int value = ALPHABET.indexOf(c);
			if (value < 0) {
				throw new IllegalArgumentException("Not Base32");
			}
			buffer = (buffer << 5) | value;
			bits += 5;
			if (bits >= 8) {
				out[index++] = (byte) ((buffer >> (bits - 8)) & 0xff);
				bits -= 8;
			}
		}
		return out;
	}

}
