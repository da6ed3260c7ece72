package io.prax.customer;

import io.prax.document.AttachableRecords;
import io.prax.document.RecordRef;
import org.springframework.stereotype.Component;

/** Documents attach to customers, visible exactly to whom the customer is. */
@Component
class CustomerDocuments implements AttachableRecords {

	private final CustomerManagement customers;

	CustomerDocuments(CustomerManagement customers) {
		this.customers = customers;
	}

	@Override
	public String recordType() {
		return "customer";
	}

	@Override
	public boolean visible(RecordRef record) {
		return customers.isVisible(new CustomerId(record.id()));
	}

	@Override
	public String pagePath(RecordRef record) {
		return "/customers/" + record.id();
	}
}
