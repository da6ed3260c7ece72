package io.prax.invoicing;

import io.prax.platform.ProblemException;
import org.springframework.http.HttpStatus;

/**
 * A transition the invoice's state does not allow (paying a draft, voiding a paid
 * invoice): 409 {@code invalid_state}.
 */
class InvoiceStateConflict extends ProblemException {

	InvoiceStateConflict(String detail) {
		super(HttpStatus.CONFLICT, "invalid_state", detail);
	}

}
