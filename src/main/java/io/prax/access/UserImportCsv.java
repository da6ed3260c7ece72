package io.prax.access;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.prax.identity.UserImport;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.jspecify.annotations.Nullable;

/**
 * Reads a user import: RFC 4180 CSV with a header row naming the columns {@code email}
 * and {@code name} (required) and {@code tier}, {@code roles} (separated by {@code ;})
 * and {@code password_hash} (optional), in any order. Row numbers count the header as row
 * 1. Cells are never copied into a problem: a report names row, column and code only.
 */
final class UserImportCsv {

	static final int MAX_ROWS = 1000;

	/**
	 * Longer than any legitimate cell (an email is at most 254 characters, a hash about
	 * 110).
	 */
	static final int MAX_CELL = 1000;
	static final List<String> COLUMNS = List.of("email", "name", "tier", "roles", "password_hash");

	/** A thousand rows of the longest plausible cells fit well. */
	static final int MAX_BYTES = 1024 * 1024;

	/** One data row as text; blank cells are null. */
	record Row(int row, Map<String, @Nullable String> cells) {

		@Nullable String get(String column) {
			return cells.get(column);
		}

		@Override
		public String toString() {
			return "Row[" + row + "]";
		}
	}

	/** The rows, or what makes the file unreadable. */
	record Parsed(List<Row> rows, List<UserImport.RowProblem> problems) {
	}

	private UserImportCsv() {
	}

	static Parsed parse(String csv) {
		List<UserImport.RowProblem> problems = new ArrayList<>();
		List<Row> rows = new ArrayList<>();
		CSVFormat format = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).setTrim(true).get();
		try (CSVParser parser = CSVParser.parse(new StringReader(stripBom(csv)), format)) {
			List<String> header = null;
			int number = 0;
			for (CSVRecord record : parser) {
				number++;
				if (header == null) {
					header = header(record, problems);
					if (!problems.isEmpty()) {
						return new Parsed(List.of(), problems);
					}
					continue;
				}
				if (rows.size() >= MAX_ROWS) {
					problems.add(new UserImport.RowProblem(number, null, "too_many_rows",
							"Import at most " + MAX_ROWS + " users at once"));
					return new Parsed(List.of(), problems);
				}
				rows.add(row(number, header, record, problems));
			}
			if (header == null || rows.isEmpty()) {
				problems.add(new UserImport.RowProblem(1, null, "import_empty",
						"The file has no users: a header row and one row per user"));
			}
		}
		catch (IOException | UncheckedIOException | IllegalStateException | IllegalArgumentException ex) {
			problems.add(new UserImport.RowProblem(rows.size() + 2, null, "csv_malformed",
					"The file is not valid CSV from about this row on (check the quotes)"));
			return new Parsed(List.of(), problems);
		}
		return new Parsed(rows, problems);
	}

	private static List<String> header(CSVRecord record, List<UserImport.RowProblem> problems) {
		List<String> names = new ArrayList<>();
		for (String cell : record) {
			String name = cell.strip().toLowerCase(Locale.ROOT).replace(' ', '_');
			if (cell.length() > MAX_CELL || !COLUMNS.contains(name)) {
				problems.add(new UserImport.RowProblem(1, null, "column_unknown",
						"Columns are " + String.join(", ", COLUMNS)));
				return names;
			}
			if (names.contains(name)) {
				problems.add(new UserImport.RowProblem(1, name, "column_repeated", "Each column appears once"));
				return names;
			}
			names.add(name);
		}
		for (String required : List.of("email", "name")) {
			if (!names.contains(required)) {
				problems.add(new UserImport.RowProblem(1, required, "column_missing",
						"The file needs a column " + required));
			}
		}
		return names;
	}

	private static Row row(int number, List<String> header, CSVRecord record, List<UserImport.RowProblem> problems) {
		Map<String, @Nullable String> cells = new LinkedHashMap<>();
		if (record.size() != header.size()) {
			problems.add(new UserImport.RowProblem(number, null, "column_count",
					"Row has " + record.size() + " cells, the header " + header.size()));
		}
		for (int i = 0; i < header.size(); i++) {
			String value = i < record.size() ? record.get(i) : null;
			if (value != null && value.length() > MAX_CELL) {
				problems.add(new UserImport.RowProblem(number, header.get(i), "cell_too_long",
						"At most " + MAX_CELL + " characters"));
				value = null;
			}
			cells.put(header.get(i), value == null || value.isBlank() ? null : value);
		}
		return new Row(number, cells);
	}

	/** Roles of a cell: {@code OPERATOR; VIEWER}. */
	static List<String> roles(@Nullable String cell) {
		return cell == null ? List.of()
				: Arrays.stream(cell.split(";")).map(String::strip).filter(role -> !role.isEmpty()).toList();
	}

	/**
	 * The upload as text (UTF-8), refused with 413 {@code payload_too_large} past
	 * {@link #MAX_BYTES}.
	 */
	static String read(java.io.InputStream in) throws IOException {
		byte[] bytes = in.readNBytes(MAX_BYTES + 1);
		if (bytes.length > MAX_BYTES) {
			throw new io.prax.platform.ProblemException(org.springframework.http.HttpStatus.PAYLOAD_TOO_LARGE,
					"payload_too_large", "Import at most " + MAX_BYTES + " bytes at once");
		}
		return new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
	}

	private static String stripBom(String csv) {
		return csv.startsWith("\uFEFF") ? csv.substring(1) : csv;
	}

}
