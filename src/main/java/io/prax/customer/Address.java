package io.prax.customer;

import jakarta.validation.constraints.Size;

import io.prax.platform.IsoCountry;
import org.jspecify.annotations.Nullable;

/** A postal address; {@code country} is an ISO 3166-1 alpha-2 code. */
public record Address(@Size(max = 200, message = CustomerInput.TOO_LONG) @Nullable String line1,
		@Size(max = 200, message = CustomerInput.TOO_LONG) @Nullable String line2,
		@Size(max = 20, message = CustomerInput.TOO_LONG) @Nullable String postalCode,
		@Size(max = 100, message = CustomerInput.TOO_LONG) @Nullable String city,
		@Size(max = 100, message = CustomerInput.TOO_LONG) @Nullable String region,
		@IsoCountry @Nullable String country) {

	static final Address EMPTY = new Address(null, null, null, null, null, null);

}
