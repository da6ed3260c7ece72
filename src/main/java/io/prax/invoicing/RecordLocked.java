package io.prax.invoicing;

import io.prax.platform.ProblemException;
import org.springframework.http.HttpStatus;

/**
 * An issued, paid or void invoice cannot be edited or deleted: 423 {@code record_locked}.
 */
class RecordLocked extends ProblemException {

	RecordLocked(InvoiceStatus status) {
		super(HttpStatus.LOCKED, "record_locked", "This invoice is " + status.name().toLowerCase(java.util.Locale.ROOT)
				+ " and locked; corrections go through a credit note");
	}

}
