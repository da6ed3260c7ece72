package io.prax.invoicing;

import io.prax.platform.Initializer;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import io.prax.platform.TenantRecord;
import org.hibernate.annotations.SQLRestriction;
import org.hibernate.annotations.ColumnTransformer;
import org.jspecify.annotations.Nullable;

/**
 * An invoice or credit note. A draft keeps its lines as JSON and its totals; issuing
 * freezes everything it shows into {@code snapshot} with its SHA-256, after which only
 * payments, credits and voiding change it.
 */
@Entity
@SQLRestriction("deleted_at is null")
@Table(name = "invoice")
class Invoice extends TenantRecord {

	private UUID customerId;

	private @Nullable UUID creditNoteFor;

	private @Nullable String number;

	@Enumerated(EnumType.STRING)
	private InvoiceStatus status = InvoiceStatus.DRAFT;

	private String currency;

	private @Nullable LocalDate issueDate;

	private LocalDate dueDate;

	private @Nullable String notes;

	@ColumnTransformer(write = "?::jsonb")
	private String lines;

	private BigDecimal netTotal;

	private BigDecimal taxTotal;

	private BigDecimal grossTotal;

	private BigDecimal paidTotal = BigDecimal.ZERO;

	private BigDecimal creditedTotal = BigDecimal.ZERO;

	@ColumnTransformer(write = "?::jsonb")
	private @Nullable String snapshot;

	private @Nullable String snapshotSha256;

	private @Nullable Instant issuedAt;

	private @Nullable UUID issuedBy;

	private @Nullable Instant voidedAt;

	private @Nullable String voidReason;

	protected Invoice() {
	}

	Invoice(UUID customerId, @Nullable UUID creditNoteFor) {
		this.customerId = customerId;
		this.creditNoteFor = creditNoteFor;
	}

	@Initializer
	void draft(UUID customerId, String currency, @Nullable LocalDate issueDate, LocalDate dueDate,
			@Nullable String notes, String linesJson, InvoiceTotals.Computed totals) {
		requireDraft();
		this.customerId = customerId;
		this.currency = currency;
		this.issueDate = issueDate;
		this.dueDate = dueDate;
		this.notes = notes;
		this.lines = linesJson;
		this.netTotal = totals.netTotal();
		this.taxTotal = totals.taxTotal();
		this.grossTotal = totals.grossTotal();
	}

	/** Freezes the invoice: its number, issue date and the snapshot of what it shows. */
	void issue(String number, LocalDate issueDate, String snapshot, String sha256, Instant at, @Nullable UUID by) {
		requireDraft();
		this.number = number;
		this.issueDate = issueDate;
		this.snapshot = snapshot;
		this.snapshotSha256 = sha256;
		this.issuedAt = at;
		this.issuedBy = by;
		this.status = InvoiceStatus.ISSUED;
	}

	void pay(BigDecimal amount) {
		this.paidTotal = paidTotal.add(amount);
		settleIfDone();
	}

	void credit(BigDecimal amount) {
		this.creditedTotal = creditedTotal.add(amount);
		settleIfDone();
	}

	private void settleIfDone() {
		if (status == InvoiceStatus.ISSUED && paidTotal.signum() > 0 && balanceDue().signum() <= 0) {
			status = InvoiceStatus.PAID;
		}
	}

	void voidWith(String reason, Instant at) {
		this.status = InvoiceStatus.VOID;
		this.voidReason = reason;
		this.voidedAt = at;
	}

	void delete(Instant at, @Nullable UUID by, String reason) {
		requireDraft();
		markDeleted(at, by, reason);
	}

	void requireDraft() {
		if (status.locked()) {
			throw new RecordLocked(status);
		}
	}

	BigDecimal balanceDue() {
		return grossTotal.subtract(paidTotal).subtract(creditedTotal);
	}

	boolean overdue(LocalDate today) {
		return status == InvoiceStatus.ISSUED && dueDate.isBefore(today) && balanceDue().signum() > 0;
	}

	boolean creditNote() {
		return creditNoteFor != null;
	}

	UUID customerId() {
		return customerId;
	}

	@Nullable UUID creditNoteFor() {
		return creditNoteFor;
	}

	@Nullable String number() {
		return number;
	}

	InvoiceStatus status() {
		return status;
	}

	String currency() {
		return currency;
	}

	@Nullable LocalDate issueDate() {
		return issueDate;
	}

	LocalDate dueDate() {
		return dueDate;
	}

	@Nullable String notes() {
		return notes;
	}

	String lines() {
		return lines;
	}

	BigDecimal grossTotal() {
		return grossTotal;
	}

	BigDecimal paidTotal() {
		return paidTotal;
	}

	BigDecimal creditedTotal() {
		return creditedTotal;
	}

	@Nullable String snapshot() {
		return snapshot;
	}

	@Nullable String snapshotSha256() {
		return snapshotSha256;
	}

	@Nullable Instant issuedAt() {
		return issuedAt;
	}

	@Nullable UUID issuedBy() {
		return issuedBy;
	}

	@Nullable Instant voidedAt() {
		return voidedAt;
	}

	@Nullable String voidReason() {
		return voidReason;
	}

}
