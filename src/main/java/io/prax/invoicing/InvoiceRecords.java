package io.prax.invoicing;

import java.util.UUID;

import io.prax.access.AccessPolicy;
import io.prax.access.Permission;
import io.prax.approval.ApprovableRecords;
import io.prax.customer.CustomerId;
import io.prax.customer.CustomerManagement;
import io.prax.customer.CustomerView;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;

/**
 * What the two approvable record types of an invoice share (the staff's approval of the
 * draft, the customer's acceptance of the issued invoice): who may see it, where its page
 * is, whom it is addressed to (the invoice's customer) and the buyer's name for titles.
 */
abstract class InvoiceRecords implements ApprovableRecords {

	protected final Invoices invoices;

	private final ObjectProvider<InvoiceManagement> management;

	private final CustomerManagement customers;

	private final AccessPolicy access;

	InvoiceRecords(Invoices invoices, ObjectProvider<InvoiceManagement> management, CustomerManagement customers,
			AccessPolicy access) {
		this.invoices = invoices;
		this.management = management;
		this.customers = customers;
		this.access = access;
	}

	@Override
	public boolean visible(UUID id) {
		return access.can(Permission.INVOICES_VIEW) && management.getObject().isVisible(new InvoiceId(id));
	}

	@Override
	public String pagePath(UUID id) {
		return "/invoices/" + id;
	}

	@Override
	public @Nullable UUID addressedTo(UUID id) {
		return invoices.findLive(id).map(Invoice::customerId).orElse(null);
	}

	/** The billing party's name, or empty. */
	protected String buyer(Invoice invoice) {
		return customers.billingParty(new CustomerId(invoice.customerId())).map(CustomerView::name).orElse("");
	}

}
