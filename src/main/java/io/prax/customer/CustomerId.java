package io.prax.customer;

import java.util.UUID;

/** Identifies a customer within its tenant. */
public record CustomerId(UUID value) {

	@Override
	public String toString() {
		return value.toString();
	}
}
