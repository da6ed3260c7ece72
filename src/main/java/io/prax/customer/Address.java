package io.prax.customer;

import org.jspecify.annotations.Nullable;

/** A postal address; {@code country} is an ISO 3166-1 alpha-2 code. */
public record Address(@Nullable String line1, @Nullable String line2, @Nullable String postalCode,
		@Nullable String city, @Nullable String region, @Nullable String country) {

	static final Address EMPTY = new Address(null, null, null, null, null, null);
}
