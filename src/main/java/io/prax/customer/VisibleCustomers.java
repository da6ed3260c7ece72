package io.prax.customer;

import java.util.Optional;

import io.prax.identity.CurrentUser;
import io.prax.platform.ProblemException;
import org.springframework.stereotype.Component;

/**
 * Which customers the caller may see: all live ones for staff, only their own for a
 * customer-portal user. The one place both customers and contacts ask.
 */
@Component
class VisibleCustomers {

	private final Customers customers;

	VisibleCustomers(Customers customers) {
		this.customers = customers;
	}

	/**
	 * The customer, or 404 when it does not exist, was deleted, or is not the caller's to
	 * see.
	 */
	Customer require(CustomerId id) {
		CurrentUser user = CurrentUser.require();
		if (user.isCustomer() && !id.value().equals(user.customerId())) {
			throw ProblemException.notFound("Customer");
		}
		return customers.findById(id.value()).orElseThrow(() -> ProblemException.notFound("Customer"));
	}

	/** A customer-portal user's own customer (empty for staff or when it was deleted). */
	Optional<Customer> own(CurrentUser user) {
		return user.customerId() == null ? Optional.empty() : customers.findById(user.customerId());
	}

}
