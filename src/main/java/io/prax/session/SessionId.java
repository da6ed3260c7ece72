package io.prax.session;

import java.util.UUID;

/** Identifies a sign-in session. */
public record SessionId(UUID value) {

	@Override
	public String toString() {
		return value.toString();
	}
}
