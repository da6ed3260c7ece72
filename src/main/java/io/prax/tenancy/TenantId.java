package io.prax.tenancy;

import java.util.UUID;

/** Identifies a tenant. */
public record TenantId(UUID value) {

	public static TenantId of(String value) {
		return new TenantId(UUID.fromString(value));
	}

	@Override
	public String toString() {
		return value.toString();
	}
}
