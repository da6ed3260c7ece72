package io.prax.invoicing;

import jakarta.validation.constraints.Size;

import org.jspecify.annotations.Nullable;

/** A postal address as invoices print it; {@code country} is ISO 3166-1 alpha-2. */
public record PostalAddress(@Nullable @Size(max = 200) String line1, @Nullable @Size(max = 200) String line2,
		@Nullable @Size(max = 20) String postalCode, @Nullable @Size(max = 100) String city,
		@Nullable @Size(max = 100) String region, @Nullable @IsoCountry String country) {

	static final PostalAddress EMPTY = new PostalAddress(null, null, null, null, null, null);

}
