package io.prax.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Every stable problem {@code code} the application answers with is listed in
 * {@code docs/problem-codes.md}, and the list names no code the application no longer
 * uses. Codes are found in the source where a problem is made: an {@code HttpStatus}
 * followed by a literal code or by a constant holding one.
 */
class ProblemCodesDocumentedTests {

	private static final Path SOURCES = Path.of("src/main/java");

	private static final Path DOCUMENT = Path.of("docs/problem-codes.md");

	private static final String CODE = "[a-z]+(?:_[a-z]+)*";

	private static final Pattern CONSTANT = Pattern.compile("String ([A-Z][A-Z0-9_]*) = \"(" + CODE + ")\";");

	private static final Pattern PROBLEM = Pattern
		.compile("HttpStatus\\.([A-Z_]+), ?(?:\"(" + CODE + ")\"|(?:[A-Za-z_]+\\.)*([A-Z][A-Z0-9_]*)\\b)");

	private static final Pattern DOCUMENTED = Pattern.compile("^\\| `(" + CODE + ")` \\| (\\d{3})", Pattern.MULTILINE);

	/**
	 * A refusal that names its status as a number:
	 * {@code new Refusal(403, "not_a_signer", …)}.
	 */
	private static final Pattern REFUSAL = Pattern.compile("Refusal\\((\\d{3}), \"(" + CODE + ")\"");

	/**
	 * Codes made away from an HttpStatus, with the status they are answered with: token
	 * rejections and refresh outcomes mapped to 401 by one switch, the CSRF refusal.
	 */
	private static final Map<String, Integer> INDIRECT = Map.of("token_expired", 401, "invalid_token", 401,
			"csrf_invalid", 403, "refresh_raced", 401, "refresh_token_reused", 401);

	@Test
	void everyCodeInTheSourceIsDocumented() throws IOException {
		Map<String, Set<Integer>> used = codesInSource();
		Map<String, Set<Integer>> documented = documentedCodes();
		assertThat(used).as("codes found in the source").containsKeys("not_found", "validation_failed");

		Map<String, Set<Integer>> missing = new TreeMap<>();
		used.forEach((code, statuses) -> {
			Set<Integer> listed = documented.getOrDefault(code, Set.of());
			if (!listed.containsAll(statuses)) {
				missing.put(code, statuses);
			}
		});
		assertThat(missing).as("codes (with their statuses) missing from " + DOCUMENT).isEmpty();
	}

	@Test
	void everyDocumentedCodeIsStillUsed() throws IOException {
		Set<String> used = new TreeSet<>(codesInSource().keySet());
		Set<String> stale = new TreeSet<>(documentedCodes().keySet());
		stale.removeAll(used);
		assertThat(stale).as("codes in " + DOCUMENT + " that the application never answers").isEmpty();
	}

	private static Map<String, Set<Integer>> codesInSource() throws IOException {
		String all = allSources();
		Map<String, Set<String>> constants = new HashMap<>();
		Matcher constant = CONSTANT.matcher(all);
		while (constant.find()) {
			constants.computeIfAbsent(constant.group(1), name -> new TreeSet<>()).add(constant.group(2));
		}
		Map<String, Set<Integer>> codes = new TreeMap<>();
		Matcher problem = PROBLEM.matcher(all);
		while (problem.find()) {
			int status = org.springframework.http.HttpStatus.valueOf(problem.group(1)).value();
			Set<String> found = problem.group(2) != null ? Set.of(problem.group(2))
					: constants.getOrDefault(problem.group(3), Set.of());
			for (String code : found) {
				codes.computeIfAbsent(code, c -> new TreeSet<>()).add(status);
			}
		}
		Matcher refusal = REFUSAL.matcher(all);
		while (refusal.find()) {
			codes.computeIfAbsent(refusal.group(2), c -> new TreeSet<>()).add(Integer.parseInt(refusal.group(1)));
		}
		INDIRECT.forEach((code, status) -> codes.computeIfAbsent(code, c -> new TreeSet<>()).add(status));
		return codes;
	}

	private static Map<String, Set<Integer>> documentedCodes() throws IOException {
		Map<String, Set<Integer>> codes = new TreeMap<>();
		Matcher row = DOCUMENTED.matcher(Files.readString(DOCUMENT));
		while (row.find()) {
			codes.computeIfAbsent(row.group(1), c -> new TreeSet<>()).add(Integer.parseInt(row.group(2)));
		}
		return codes;
	}

	private static String allSources() throws IOException {
		StringBuilder all = new StringBuilder();
		try (Stream<Path> files = Files.walk(SOURCES)) {
			for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
				all.append(Files.readString(file).replaceAll("\\s+", " ")).append('\n');
			}
		}
		return all.toString();
	}

}
