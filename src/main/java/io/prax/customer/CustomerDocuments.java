package io.prax.customer;

import io.prax.access.AccessPolicy;
import io.prax.access.Permission;
import io.prax.document.AttachableRecords;
import io.prax.document.RecordRef;
import org.springframework.stereotype.Component;

/** Documents attach to customers, visible exactly to whom the customer is. */
@Component
class CustomerDocuments implements AttachableRecords {

	private final CustomerManagement customers;

	private final AccessPolicy access;

	CustomerDocuments(CustomerManagement customers, AccessPolicy access) {
		this.customers = customers;
		this.access = access;
	}

	@Override
	public String recordType() {
		return "customer";
	}

	@Override
	public boolean visible(RecordRef record) {
		// A document is as visible as its record: the record must be one the caller may
		// read.
		return access.can(Permission.CUSTOMERS_VIEW) && customers.isVisible(new CustomerId(record.id()));
	}

	@Override
	public String pagePath(RecordRef record) {
		return "/customers/" + record.id();
	}

}
