package io.prax.audit;

import org.jspecify.annotations.Nullable;

/**
 * Bounds the free text the audit trail and the request log store: headers, names, e-mail
 * addresses attempted at sign-in. Whatever a caller sends, an event stays small; a cut
 * value ends in {@link #MARKER} so nobody mistakes it for what was sent.
 */
final class Bounded {

	static final String MARKER = "…[truncated]";
	static final int NAME = 200;
	static final int EMAIL = 254;
	static final int USER_AGENT = 512;
	static final int IP = 100;
	static final int ID = 200;
	static final int REASON = 2000;
	static final int PATH = 2000;
	static final int METHOD = 20;

	private Bounded() {
	}

	/**
	 * {@code value} if at most {@code max} chars long, else its start and the marker,
	 * {@code max} chars in all.
	 */
	static @Nullable String text(@Nullable String value, int max) {
		if (value == null || value.length() <= max) {
			return value;
		}
		int keep = max - MARKER.length();
		if (Character.isHighSurrogate(value.charAt(keep - 1))) {
			keep--;
		}
		return value.substring(0, keep) + MARKER;
	}

}
