package io.prax.customer;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** A contact person of a customer. */
public record ContactView(UUID id, UUID customerId, String name, @Nullable String email, @Nullable String phone,
		@Nullable String position, long version, Instant createdAt, @Nullable UUID createdBy, Instant updatedAt,
		@Nullable UUID updatedBy) {
}
