package io.prax.payroll;

import org.jspecify.annotations.Nullable;

/**
 * Bank accounts and tax ids shown to those who may not edit employees: only the last four
 * characters.
 */
public final class Masking {

	private Masking() {
	}

	public static @Nullable String mask(@Nullable String value) {
		if (value == null) {
			return null;
		}
		String compact = value.replaceAll("\\s", "");
		String tail = compact.length() <= 4 ? "" : compact.substring(compact.length() - 4);
		return "•••• " + tail;
	}

}
