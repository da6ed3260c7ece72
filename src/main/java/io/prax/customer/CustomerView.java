package io.prax.customer;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** A customer as the API and the pages show it, with its ALCOA+ fields. */
public record CustomerView(UUID id, String name, @Nullable String email, @Nullable String phone, @Nullable String taxId,
		Address billingAddress, long version, Instant createdAt, @Nullable UUID createdBy, Instant updatedAt,
		@Nullable UUID updatedBy) {
}
