package io.prax.customer;

import org.jspecify.annotations.Nullable;

/**
 * A customer to create, or the fields to change: on update an absent (null) field stays as it is and
 * an empty string clears it. {@code version} is required on update, {@code reason} is optional.
 */
public record CustomerInput(@Nullable String name, @Nullable String email, @Nullable String phone,
		@Nullable String taxId, @Nullable Address billingAddress, @Nullable Long version, @Nullable String reason) {
}
