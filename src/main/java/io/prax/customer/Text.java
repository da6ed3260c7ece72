package io.prax.customer;

import org.jspecify.annotations.Nullable;

/** Request values as the customer records store them. */
final class Text {

	private Text() {
	}

	/** Stripped, and null when nothing is left. */
	static @Nullable String clean(@Nullable String value) {
		if (value == null) {
			return null;
		}
		String stripped = value.strip();
		return stripped.isEmpty() ? null : stripped;
	}

}
