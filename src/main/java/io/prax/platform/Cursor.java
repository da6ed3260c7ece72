package io.prax.platform;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * An opaque list position: the parts of the last row's sort key (and whatever else the
 * list needs to refuse a cursor of another sort), URL-safe Base64 on the wire. A cursor
 * that does not decode is a 400 {@code validation_failed} on {@code cursor}.
 */
public record Cursor(List<String> parts) {

	private static final String SEPARATOR = "\n";

	public Cursor {
		parts = List.copyOf(parts);
	}

	public static Cursor of(String... parts) {
		return new Cursor(List.of(parts));
	}

	public String part(int index) {
		return parts.get(index);
	}

	public String encode() {
		return Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString(String.join(SEPARATOR, parts).getBytes(StandardCharsets.UTF_8));
	}

	/** Decodes a cursor of exactly {@code size} parts. */
	public static Cursor decode(String cursor, int size) {
		try {
			String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split(SEPARATOR,
					size);
			if (parts.length == size) {
				return new Cursor(List.of(parts));
			}
		}
		catch (IllegalArgumentException notBase64) {
			// answered below
		}
		throw invalid();
	}

	/**
	 * The position of a list ordered by its rows' ids (time-ordered UUIDv7): the last
	 * row's id.
	 */
	public static Cursor ofId(UUID id) {
		return of(id.toString());
	}

	/** The id of a cursor made by {@link #ofId}; 400 when it is not one. */
	public static UUID decodeId(String cursor) {
		try {
			return UUID.fromString(decode(cursor, 1).part(0));
		}
		catch (IllegalArgumentException notAnId) {
			throw invalid();
		}
	}

	/** For lists that find a decoded cursor unusable (another sort, a malformed key). */
	public static ProblemException invalid() {
		return ProblemException.validation(Map.of("cursor", "The cursor is not valid; start from the first page"));
	}
}
