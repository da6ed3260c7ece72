package io.prax.invoicing;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Everything an invoice shows: seller, buyer, lines, tax rates, currency, totals and
 * payment terms. Issuing stores it as the frozen snapshot; a draft shows the same from
 * the current data. Money is in decimal strings at the currency's minor unit.
 */
public record InvoiceDocument(String kind, @Nullable String number, @Nullable String issueDate, String dueDate,
		String currency, int minorUnit, @Nullable Reference creditNoteFor, Party seller, Party buyer, List<Line> lines,
		List<TaxLine> taxSummary, String netTotal, String taxTotal, String grossTotal, int paymentTermsDays,
		@Nullable String bankDetails, @Nullable String notes, @Nullable String reason) {

	public static final String INVOICE = "invoice";

	public static final String CREDIT_NOTE = "credit_note";

	/** The original invoice a credit note reverses. */
	public record Reference(String id, @Nullable String number) {
	}

	/**
	 * Seller (the tenant's company, with {@code logoDocumentId}; an issued one also with
	 * the logo's {@code logoSha256}, so its logo cannot change) or buyer (the customer,
	 * with {@code id}).
	 */
	public record Party(@Nullable String id, String name, PostalAddress address, @Nullable String taxId,
			@Nullable String email, @Nullable String phone, @Nullable String logoDocumentId,
			@Nullable String logoSha256) {
	}

	public record Line(int number, String description, String quantity, String unitPrice, String taxRate,
			String netAmount, String taxAmount, @Nullable Integer sourceLine) {
	}

	public record TaxLine(String rate, String netAmount, String taxAmount) {
	}
}
