package io.prax.invoicing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import org.jspecify.annotations.Nullable;

/**
 * The invoice editor as the page posts it: flat fields and one value per line in each of
 * the repeated line fields. Blank lines are dropped; unreadable numbers and dates become
 * field errors.
 */
record InvoiceForm(@Nullable String customerId, @Nullable String currency, @Nullable String issueDate,
		@Nullable String dueDate, @Nullable String notes, @Nullable Long version, @Nullable String reason,
		List<Row> rows) {

	/** One editor row, as typed. */
	record Row(String description, String quantity, String unitPrice, String taxRate) {

		static Row empty() {
			return new Row("", "1", "", "");
		}

		boolean blank() {
			return description.isBlank() && unitPrice.isBlank();
		}
	}

	static InvoiceForm empty(@Nullable String customerId, @Nullable String currency, @Nullable String taxRate) {
		return new InvoiceForm(customerId, currency, null, null, null, null, null,
				List.of(new Row("", "1", "", taxRate == null ? "" : taxRate)));
	}

	static InvoiceForm of(InvoiceView invoice) {
		List<Row> rows = invoice.lines()
			.stream()
			.map(l -> new Row(l.description(), l.quantity(), l.unitPrice(),
					new BigDecimal(l.taxRate()).movePointRight(2).stripTrailingZeros().toPlainString()))
			.toList();
		return new InvoiceForm(invoice.customerId().toString(), invoice.currency(),
				invoice.issueDate() == null ? null : invoice.issueDate().toString(), invoice.dueDate().toString(),
				invoice.notes(), invoice.version(), null, rows.isEmpty() ? List.of(Row.empty()) : rows);
	}

	static InvoiceForm from(HttpServletRequest request) {
		String[] descriptions = values(request, "description");
		String[] quantities = values(request, "quantity");
		String[] prices = values(request, "unitPrice");
		String[] rates = values(request, "taxRate");
		List<Row> rows = new ArrayList<>();
		for (int i = 0; i < descriptions.length; i++) {
			rows.add(new Row(descriptions[i], at(quantities, i), at(prices, i), at(rates, i)));
		}
		String version = request.getParameter("version");
		return new InvoiceForm(request.getParameter("customerId"), request.getParameter("currency"),
				request.getParameter("issueDate"), request.getParameter("dueDate"), request.getParameter("notes"),
				version == null || version.isBlank() ? null : Long.valueOf(version), request.getParameter("reason"),
				rows);
	}

	InvoiceForm withRows(List<Row> changed) {
		return new InvoiceForm(customerId, currency, issueDate, dueDate, notes, version, reason, changed);
	}

	/**
	 * The lines to send: blank rows dropped. Tax rates are typed in percent on the page.
	 */
	List<LineInput> lines(Map<String, String> errors) {
		List<LineInput> lines = new ArrayList<>();
		for (Row row : rows) {
			if (row.blank()) {
				continue;
			}
			int index = lines.size();
			BigDecimal rate = decimal(row.taxRate().isBlank() ? "0" : row.taxRate(), "lines[" + index + "].taxRate",
					errors);
			lines.add(new LineInput(row.description(), decimal(row.quantity(), "lines[" + index + "].quantity", errors),
					decimal(row.unitPrice(), "lines[" + index + "].unitPrice", errors),
					rate == null ? null : rate.movePointLeft(2)));
		}
		return lines;
	}

	InvoiceInput input(Map<String, String> errors) {
		UUID customer = null;
		if (customerId != null && !customerId.isBlank()) {
			try {
				customer = UUID.fromString(customerId.strip());
			}
			catch (IllegalArgumentException ex) {
				errors.put("customerId", "Choose the customer");
			}
		}
		return new InvoiceInput(customer, currency == null || currency.isBlank() ? null : currency.strip(),
				date(issueDate, "issueDate", errors), date(dueDate, "dueDate", errors), lines(errors),
				notes == null ? null : notes);
	}

	InvoiceChange change(Map<String, String> errors) {
		InvoiceInput input = input(errors);
		return new InvoiceChange(input.customerId(), input.currency(), input.issueDate(), input.dueDate(),
				input.lines(), notes == null ? "" : notes, version, reason);
	}

	private static @Nullable BigDecimal decimal(String value, String field, Map<String, String> errors) {
		if (value.isBlank()) {
			return null;
		}
		try {
			return new BigDecimal(value.strip().replace(",", ""));
		}
		catch (NumberFormatException ex) {
			errors.putIfAbsent(field, "Enter a number, like 12.50");
			return null;
		}
	}

	private static @Nullable LocalDate date(@Nullable String value, String field, Map<String, String> errors) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(value.strip());
		}
		catch (DateTimeParseException ex) {
			errors.putIfAbsent(field, "Enter a date as YYYY-MM-DD");
			return null;
		}
	}

	private static String[] values(HttpServletRequest request, String name) {
		String[] values = request.getParameterValues(name);
		return values == null ? new String[0] : values;
	}

	private static String at(String[] values, int i) {
		return i < values.length ? values[i] : "";
	}
}
