package io.prax.platform;

import org.jspecify.annotations.Nullable;

/** Free text from a request as records store it. */
public final class Text {

	private Text() {
	}

	/** Stripped, and null when nothing is left. */
	public static @Nullable String clean(@Nullable String value) {
		if (value == null) {
			return null;
		}
		String stripped = value.strip();
		return stripped.isEmpty() ? null : stripped;
	}

}
