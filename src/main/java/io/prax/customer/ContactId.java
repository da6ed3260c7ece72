package io.prax.customer;

import java.util.UUID;

/** Identifies a contact within its customer. */
public record ContactId(UUID value) {

	@Override
	public String toString() {
		return value.toString();
	}
}
