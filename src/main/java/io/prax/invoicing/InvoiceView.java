package io.prax.invoicing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * An invoice or credit note as the API and the pages show it. For an issued one,
 * everything printed on it comes from the frozen snapshot; {@code snapshotIntact} says
 * whether the snapshot still matches its SHA-256. {@code document} is what the invoice
 * shows (for a draft: as it would be issued now).
 */
public record InvoiceView(UUID id, @Nullable String number, InvoiceStatus status, String kind,
		@Nullable UUID creditNoteFor, UUID customerId, String currency, @Nullable LocalDate issueDate,
		LocalDate dueDate, InvoiceDocument.Party seller, InvoiceDocument.Party buyer, List<InvoiceDocument.Line> lines,
		List<InvoiceDocument.TaxLine> taxSummary, String netTotal, String taxTotal, String grossTotal, String paidTotal,
		String creditedTotal, String balanceDue, boolean overdue, int paymentTermsDays, @Nullable String bankDetails,
		@Nullable String notes, @Nullable String creditNoteForNumber, @Nullable String reason,
		List<PaymentView> payments, List<InvoiceDocument.Reference> creditNotes, @Nullable JsonNode snapshot,
		@Nullable String snapshotSha256, @Nullable Boolean snapshotIntact, @Nullable Instant issuedAt,
		@Nullable UUID issuedBy, @Nullable Instant voidedAt, @Nullable String voidReason, long version,
		Instant createdAt, @Nullable UUID createdBy, Instant updatedAt, @Nullable UUID updatedBy) {

	public boolean draft() {
		return status == InvoiceStatus.DRAFT;
	}

	public boolean isCreditNote() {
		return creditNoteFor != null;
	}
}
