package io.prax.invoicing;

import java.util.UUID;

/** The id of an invoice or credit note. */
public record InvoiceId(UUID value) {

	@Override
	public String toString() {
		return value.toString();
	}
}
