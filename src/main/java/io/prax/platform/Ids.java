package io.prax.platform;

import java.util.UUID;

import com.github.f4b6a3.uuid.UuidCreator;

/** Creates the time-ordered UUIDv7 ids every record uses. */
public final class Ids {

	private Ids() {
	}

	public static UUID newId() {
		return UuidCreator.getTimeOrderedEpoch();
	}

}
