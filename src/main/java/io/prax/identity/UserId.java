package io.prax.identity;

import java.util.UUID;

/** Identifies a user within its tenant. */
public record UserId(UUID value) {

	@Override
	public String toString() {
		return value.toString();
	}
}
