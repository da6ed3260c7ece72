package io.prax.document;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * File names as clients send them, made safe to store, show and send back in a header.
 */
final class FileNames {

	static final int MAX_LENGTH = 200;

	private static final String FALLBACK = "file";

	private static final String FORBIDDEN = "\"*:<>?|\\/";

	private static final Set<String> DEVICE_NAMES = Set.of("con", "prn", "aux", "nul", "com1", "com2", "com3", "com4",
			"com5", "com6", "com7", "com8", "com9", "lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8",
			"lpt9");

	private FileNames() {
	}

	/**
	 * The last path segment, NFC-normalised, without control, format (bidi overrides,
	 * zero-width) or path characters, at most {@value #MAX_LENGTH} characters with its
	 * extension kept; never empty.
	 */
	static String sanitise(@Nullable String raw) {
		String name = raw == null ? "" : raw;
		name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
		name = Normalizer.normalize(name, Normalizer.Form.NFC);
		StringBuilder clean = new StringBuilder(name.length());
		name.codePoints().forEach(cp -> {
			int type = Character.getType(cp);
			if (Character.isISOControl(cp) || type == Character.FORMAT || type == Character.SURROGATE
					|| type == Character.PRIVATE_USE || type == Character.UNASSIGNED) {
				return;
			}
			if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
				clean.append(' ');
			}
			else if (FORBIDDEN.indexOf(cp) >= 0) {
				clean.append('_');
			}
			else {
				clean.appendCodePoint(cp);
			}
		});
		String result = clean.toString().replaceAll(" {2,}", " ").strip();
		result = result.replaceAll("^[. ]+", "").replaceAll("[. ]+$", "");
		result = bound(result);
		if (result.isEmpty()) {
			return FALLBACK;
		}
		String stem = result.contains(".") ? result.substring(0, result.indexOf('.')) : result;
		return DEVICE_NAMES.contains(stem.toLowerCase(Locale.ROOT)) ? "_" + result : result;
	}

	/**
	 * Keeps at most {@value #MAX_LENGTH} code points, cutting the stem and keeping a
	 * short extension.
	 */
	private static String bound(String name) {
		if (name.codePointCount(0, name.length()) <= MAX_LENGTH) {
			return name;
		}
		int dot = name.lastIndexOf('.');
		String extension = dot > 0 && name.length() - dot <= 16 ? name.substring(dot) : "";
		String stem = extension.isEmpty() ? name : name.substring(0, dot);
		int keep = MAX_LENGTH - extension.codePointCount(0, extension.length());
		return stem.substring(0, stem.offsetByCodePoints(0, keep)).strip() + extension;
	}

	/**
	 * {@code attachment} with an ASCII {@code filename} for old clients and the exact
	 * name as RFC 5987 {@code filename*} (RFC 6266): no quote, backslash or line break
	 * can reach the header.
	 */
	static String attachment(String fileName) {
		StringBuilder ascii = new StringBuilder();
		fileName.codePoints()
			.forEach(cp -> ascii
				.append(cp >= 0x20 && cp < 0x7f && cp != '"' && cp != '\\' && cp != '%' ? (char) cp : '_'));
		return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encode(fileName);
	}

	private static String encode(String value) {
		StringBuilder out = new StringBuilder();
		for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
			int c = b & 0xff;
			if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
					|| "!#$&+-.^_`|~".indexOf(c) >= 0) {
				out.append((char) c);
			}
			else {
				out.append('%')
					.append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
					.append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
			}
		}
		return out.toString();
	}

}
