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
 * The customer's acceptance of an issued invoice, as its own record type
 * ({@code invoice_acceptance}) so that it neither gates issuing (that is the
 * {@code invoice} workflow, of drafts the customer never sees) nor mixes with the staff's
 * approval. What the customer signs is the issued invoice: number, issue date, buyer,
 * currency, due date, total and the SHA-256 of its frozen snapshot (F16), which no longer
 * changes. The record id is the invoice's id.
 */
@Component
class InvoiceAcceptances extends InvoiceRecords {

	InvoiceAcceptances(Invoices invoices, ObjectProvider<InvoiceManagement> management, CustomerManagement customers,
			AccessPolicy access) {
		super(invoices, management, customers, access);
	}

	@Override
	public String recordType() {
		return "invoice_acceptance";
	}

	@Override
	public String label() {
		return "Invoice acceptance";
	}

	@Override
	public Optional<String> content(UUID id) {
		return invoices.findLive(id).map(invoice -> {
			Map<String, Object> content = new LinkedHashMap<>();
			content.put("recordType", "invoice_acceptance");
			content.put("id", invoice.id().toString());
			content.put("number", invoice.number());
			content.put("issueDate", invoice.issueDate() == null ? null : invoice.issueDate().toString());
			content.put("customerId", invoice.customerId().toString());
			content.put("currency", invoice.currency());
			content.put("dueDate", invoice.dueDate() == null ? null : invoice.dueDate().toString());
			content.put("grossTotal",
					invoice.grossTotal() == null ? null : invoice.grossTotal().stripTrailingZeros().toPlainString());
			content.put("snapshotSha256", invoice.snapshotSha256());
			return Snapshots.JSON.writeValueAsString(content);
		});
	}

	@Override
	public String title(UUID id) {
		return invoices.findLive(id).map(invoice -> {
			String buyer = buyer(invoice);
			return "Acceptance of invoice " + (invoice.number() == null ? "(draft)" : invoice.number())
					+ (buyer.isEmpty() ? "" : " by " + buyer) + ", " + invoice.grossTotal().toPlainString() + " "
					+ invoice.currency();
		}).orElse("Invoice acceptance");
	}

	@Override
	public @Nullable String notSubmittable(UUID id) {
		InvoiceStatus status = invoices.findLive(id).map(Invoice::status).orElse(InvoiceStatus.ISSUED);
		if (status == InvoiceStatus.DRAFT) {
			return "Issue the invoice first: the customer accepts the issued invoice";
		}
		return status == InvoiceStatus.VOID ? "The invoice is void: it is no longer sent for or open to acceptance"
				: null;
	}

	/** The invoice's customer: its portal users sign the acceptance. */

}
