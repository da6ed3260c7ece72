package io.prax.invoicing;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.prax.access.AccessPolicy;
import io.prax.customer.CustomerManagement;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Invoices are approved as drafts, before they are issued. What is signed is what the
 * invoice says: buyer, currency, due date, notes, lines and totals (number and issue date
 * are assigned at issue).
 */
@Component
class InvoiceApprovals extends InvoiceRecords {

	InvoiceApprovals(Invoices invoices, ObjectProvider<InvoiceManagement> management, CustomerManagement customers,
			AccessPolicy access) {
		super(invoices, management, customers, access);
	}

	@Override
	public String recordType() {
		return "invoice";
	}

	@Override
	public String label() {
		return "Invoice";
	}

	@Override
	public Optional<String> content(UUID id) {
		return invoices.findLive(id).map(invoice -> {
			Map<String, Object> content = new LinkedHashMap<>();
			content.put("recordType", "invoice");
			content.put("id", invoice.id().toString());
			content.put("customerId", invoice.customerId().toString());
			content.put("creditNoteFor", invoice.creditNoteFor() == null ? null : invoice.creditNoteFor().toString());
			content.put("currency", invoice.currency());
			content.put("dueDate", invoice.dueDate() == null ? null : invoice.dueDate().toString());
			content.put("notes", invoice.notes());
			content.put("lines", Snapshots.tree(invoice.lines()));
			content.put("grossTotal",
					invoice.grossTotal() == null ? null : invoice.grossTotal().stripTrailingZeros().toPlainString());
			return Snapshots.JSON.writeValueAsString(content);
		});
	}

	@Override
	public String title(UUID id) {
		return invoices.findLive(id).map(invoice -> {
			String buyer = buyer(invoice);
			return (invoice.number() == null ? "Draft invoice" : "Invoice " + invoice.number())
					+ (buyer.isEmpty() ? "" : " for " + buyer) + ", " + invoice.grossTotal().toPlainString() + " "
					+ invoice.currency();
		}).orElse("Invoice");
	}

	@Override
	public @Nullable String notSubmittable(UUID id) {
		return invoices.findLive(id)
			.filter(invoice -> invoice.status() != InvoiceStatus.DRAFT)
			.map(invoice -> "Only a draft invoice is submitted for approval, before it is issued")
			.orElse(null);
	}

}
