package io.prax.invoicing;

import java.nio.charset.StandardCharsets;
import java.util.List;

import io.prax.platform.Page;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The invoice list as CSV (RFC 4180); text cells that a spreadsheet would run as a
 * formula are defused.
 */
final class InvoiceCsv {

	private static final List<String> HEADER = List.of("number", "kind", "status", "overdue", "customer", "issueDate",
			"dueDate", "currency", "netTotal", "taxTotal", "grossTotal", "paidTotal", "creditedTotal", "balanceDue",
			"snapshotSha256", "id");

	private InvoiceCsv() {
	}

	static ResponseEntity<byte[]> export(InvoiceManagement invoices, InvoiceManagement.Filter filter) {
		StringBuilder csv = new StringBuilder(String.join(",", HEADER)).append("\r\n");
		String cursor = null;
		do {
			Page<InvoiceView> page = invoices.list(filter, cursor, Page.MAX_LIMIT);
			for (InvoiceView i : page.items()) {
				csv.append(String.join(",", text(i.number()), i.kind(), i.status().name(),
						Boolean.toString(i.overdue()), text(i.buyer().name()), value(i.issueDate()), value(i.dueDate()),
						i.currency(), i.netTotal(), i.taxTotal(), i.grossTotal(), i.paidTotal(), i.creditedTotal(),
						i.balanceDue(), value(i.snapshotSha256()), i.id().toString()))
					.append("\r\n");
			}
			cursor = page.nextCursor();
		}
		while (cursor != null);
		return ResponseEntity.ok()
			.contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename("invoices.csv").build().toString())
			.header("X-Content-Type-Options", "nosniff")
			.body(csv.toString().getBytes(StandardCharsets.UTF_8));
	}

	private static String value(@Nullable Object value) {
		return value == null ? "" : value.toString();
	}

	/**
	 * Quotes when needed, and prefixes {@code = + - @} and control starts so no cell
	 * becomes a formula.
	 */
	static String text(@Nullable String value) {
		if (value == null) {
			return "";
		}
		String cell = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
		if (cell.contains(",") || cell.contains("\"") || cell.contains("\n") || cell.contains("\r")) {
			return "\"" + cell.replace("\"", "\"\"") + "\"";
		}
		return cell;
	}

}
