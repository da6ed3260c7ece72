package io.prax.access;

import java.util.List;
import java.util.Map;

import io.prax.identity.UserImport;
import io.prax.platform.ProblemException;
import org.springframework.http.HttpStatus;

/**
 * 400 {@code import_refused} (403 when a row asks for access beyond the importing
 * administrator's): nothing of the file was written; {@code rows} names row, column and
 * code of every refusal, never a cell's content.
 */
final class ImportRefused extends ProblemException {

	private final List<UserImport.RowProblem> rows;

	ImportRefused(List<UserImport.RowProblem> rows) {
		super(rows.stream().anyMatch(row -> "cannot_grant".equals(row.code())) ? HttpStatus.FORBIDDEN
				: HttpStatus.BAD_REQUEST, "import_refused",
				rows.size() + " row(s) cannot be imported; nothing was imported");
		this.rows = List.copyOf(rows);
	}

	@Override
	public Map<String, Object> properties() {
		return Map.of("rows", rows);
	}

}
