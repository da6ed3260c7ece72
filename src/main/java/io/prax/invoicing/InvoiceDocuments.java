package io.prax.invoicing;

import io.prax.access.AccessPolicy;
import io.prax.access.Permission;
import io.prax.document.AttachableRecords;
import io.prax.document.RecordRef;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Documents attach to invoices, visible exactly to whom the invoice is (portal users:
 * their own issued ones).
 */
@Component
class InvoiceDocuments implements AttachableRecords {

	// Lazily: invoicing itself reads documents (the logo), so the registry must not need
	// it to be built first.
	private final ObjectProvider<InvoiceManagement> invoices;

	private final AccessPolicy access;

	InvoiceDocuments(ObjectProvider<InvoiceManagement> invoices, AccessPolicy access) {
		this.invoices = invoices;
		this.access = access;
	}

	@Override
	public String recordType() {
		return "invoice";
	}

	@Override
	public boolean visible(RecordRef record) {
		return access.can(Permission.INVOICES_VIEW) && invoices.getObject().isVisible(new InvoiceId(record.id()));
	}

	@Override
	public String pagePath(RecordRef record) {
		return "/invoices/" + record.id();
	}

}
