package io.prax.access;

import java.util.UUID;

/** Identifies a designation. */
public record DesignationId(UUID value) implements PermissionSetId {

	@Override
	public PermissionSetKind kind() {
		return PermissionSetKind.DESIGNATION;
	}

	@Override
	public String toString() {
		return value.toString();
	}
}
