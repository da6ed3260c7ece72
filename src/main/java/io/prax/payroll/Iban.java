package io.prax.payroll;

import java.math.BigInteger;
import java.util.Locale;
import java.util.regex.Pattern;

/** IBAN syntax and its ISO 13616 mod-97 check digits. */
final class Iban {

	private static final Pattern SHAPE = Pattern.compile("^[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}$");

	private static final BigInteger NINETY_SEVEN = BigInteger.valueOf(97);

	private Iban() {
	}

	/** Upper case, without spaces. */
	static String normalize(String value) {
		return value.replaceAll("\\s", "").toUpperCase(Locale.ROOT);
	}

	static boolean valid(String normalized) {
		if (!SHAPE.matcher(normalized).matches()) {
			return false;
		}
		String rearranged = normalized.substring(4) + normalized.substring(0, 4);
		StringBuilder digits = new StringBuilder();
		for (char c : rearranged.toCharArray()) {
			digits.append(Character.isDigit(c) ? String.valueOf(c) : String.valueOf(c - 'A' + 10));
		}
		return new BigInteger(digits.toString()).mod(NINETY_SEVEN).intValue() == 1;
	}

}
