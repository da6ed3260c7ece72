package io.prax.access;

import java.util.UUID;

/** Identifies a tenant's own role or designation; the id type says which kind it is. */
public sealed interface PermissionSetId permits RoleId, DesignationId {

	UUID value();

	PermissionSetKind kind();

}
