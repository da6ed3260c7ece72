package io.prax.approval;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** How a signature's time is printed: ISO date and time with its zone, always UTC. */
public final class Manifestation {

	private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
		.withZone(ZoneOffset.UTC);

	private Manifestation() {
	}

	public static String format(Instant at) {
		return FORMAT.format(at);
	}

}
