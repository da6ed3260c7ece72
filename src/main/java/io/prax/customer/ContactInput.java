package io.prax.customer;

import org.jspecify.annotations.Nullable;

/** A contact person to add, or the fields to change (same rules as {@link CustomerInput}). */
public record ContactInput(@Nullable String name, @Nullable String email, @Nullable String phone,
		@Nullable String position, @Nullable Long version, @Nullable String reason) {
}
