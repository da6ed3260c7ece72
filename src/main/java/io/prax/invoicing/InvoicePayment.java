package io.prax.invoicing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import io.prax.platform.TenantRecord;
import org.hibernate.annotations.SQLRestriction;

/** A payment received against an issued invoice. */
@Entity
@SQLRestriction("deleted_at is null")
@Table(name = "invoice_payment")
class InvoicePayment extends TenantRecord {

	private UUID invoiceId;

	private BigDecimal amount;

	private LocalDate paidOn;

	protected InvoicePayment() {
	}

	InvoicePayment(UUID invoiceId, BigDecimal amount, LocalDate paidOn) {
		this.invoiceId = invoiceId;
		this.amount = amount;
		this.paidOn = paidOn;
	}

	PaymentView view(int minorUnit) {
		return new PaymentView(id(), amount.setScale(minorUnit, java.math.RoundingMode.UNNECESSARY).toPlainString(),
				paidOn, createdAt(), createdBy());
	}

}
