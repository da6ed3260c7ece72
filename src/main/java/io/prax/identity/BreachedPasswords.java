package io.prax.identity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import com.nulabinc.zxcvbn.StandardDictionaries;
import com.nulabinc.zxcvbn.matchers.Dictionary;
import org.springframework.stereotype.Component;
import org.jspecify.annotations.Nullable;

/**
 * The common and breached passwords no one may choose: every entry of the dictionaries
 * shipped in zxcvbn4j (the 30,000 most common leaked passwords, common English words,
 * film and TV words, first names and surnames), loaded once at start-up into a sorted
 * array of 64-bit fingerprints (about 0.75 MB, binary-searched; a false positive needs a
 * 64-bit collision).
 * <p>
 * A password counts as listed when its lower-case form is an entry, or its core is:
 * leading and trailing digits and symbols removed ({@code Summer2024!}), common
 * look-alike substitutions undone ({@code p@ssw0rd}), a repeated unit reduced to one
 * ({@code qwertyqwerty}); and a plain run such as {@code 123456789012} or
 * {@code abcdefghijkl} is refused as well. Passphrases of several words are never an
 * entry, so they pass.
 */
@Component
class BreachedPasswords {

	private final long[] fingerprints;

	BreachedPasswords() {
		this(loadDictionaries());
	}

	BreachedPasswords(List<String> entries) {
		long[] all = entries.stream().mapToLong(entry -> fingerprint(entry.strip().toLowerCase(Locale.ROOT))).toArray();
		Arrays.sort(all);
		this.fingerprints = Arrays.stream(all).distinct().toArray();
	}

	/** How many distinct entries the list holds. */
	int size() {
		return fingerprints.length;
	}

	/**
	 * Whether {@code password} (already NFKC-normalised) is listed or a trivial variant
	 * of an entry.
	 */
	boolean contains(String password) {
		String lower = password.toLowerCase(Locale.ROOT);
		if (listed(lower) || sequential(lower)) {
			return true;
		}
		String core = stripDecoration(lower);
		if (core.length() >= 3 && (listed(core) || listed(unleet(core)))) {
			return true;
		}
		String unit = repeatedUnit(lower);
		if (unit != null && (listed(unit) || listed(stripDecoration(unit)))) {
			return true;
		}
		return false;
	}

	private boolean listed(String candidate) {
		return !candidate.isEmpty() && Arrays.binarySearch(fingerprints, fingerprint(candidate)) >= 0;
	}

	private static String stripDecoration(String text) {
		int start = 0;
		int end = text.length();
		while (start < end && !Character.isLetter(text.charAt(start))) {
			start++;
		}
		while (end > start && !Character.isLetter(text.charAt(end - 1))) {
			end--;
		}
		return text.substring(start, end);
	}

	private static String unleet(String text) {
		StringBuilder plain = new StringBuilder(text.length());
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			plain.append(switch (c) {
				case '@', '4' -> 'a';
				case '3' -> 'e';
				case '0' -> 'o';
				case '1', '!' -> 'i';
				case '$', '5' -> 's';
				case '7', '+' -> 't';
				default -> c;
			});
		}
		return plain.toString();
	}

	/**
	 * A run such as {@code 123456789012} or {@code lkjihgfedcba}: every step one up, or
	 * every step one down.
	 */
	private static boolean sequential(String text) {
		int up = 0;
		int down = 0;
		for (int i = 1; i < text.length(); i++) {
			char previous = text.charAt(i - 1);
			char c = text.charAt(i);
			boolean wraps = previous == '9' && c == '0';
			boolean wrapsDown = previous == '0' && c == '9';
			up += c == previous + 1 || wraps ? 1 : 0;
			down += c == previous - 1 || wrapsDown ? 1 : 0;
		}
		return text.length() > 1 && (up == text.length() - 1 || down == text.length() - 1);
	}

	/**
	 * The shortest unit the whole text repeats ({@code abcabc} → {@code abc}), or null.
	 */
	private static @Nullable String repeatedUnit(String text) {
		int length = text.length();
		for (int unit = 1; unit <= length / 2; unit++) {
			if (length % unit == 0 && text.regionMatches(0, text, unit, length - unit)) {
				return text.substring(0, unit);
			}
		}
		return null;
	}

	/**
	 * FNV-1a over the UTF-16 units, finished with a 64-bit mix so that near-equal entries
	 * spread.
	 */
	static long fingerprint(String text) {
		long hash = 0xcbf29ce484222325L;
		for (int i = 0; i < text.length(); i++) {
			hash ^= text.charAt(i);
			hash *= 0x100000001b3L;
		}
		hash ^= hash >>> 33;
		hash *= 0xff51afd7ed558ccdL;
		hash ^= hash >>> 33;
		return hash;
	}

	private static List<String> loadDictionaries() {
		try {
			return StandardDictionaries.loadAllDictionaries()
				.stream()
				.map(Dictionary::getFrequencies)
				.flatMap(List::stream)
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("The breached-password dictionaries of zxcvbn4j could not be read", ex);
		}
	}

}
