package io.prax.access;

import java.util.UUID;

import io.prax.platform.ProblemException;
import org.springframework.http.HttpStatus;

/** Identifies a tenant's own role; built-in roles are known by their name. */
public record RoleId(UUID value) implements PermissionSetId {

	/**
	 * The custom role a path names for a change: a built-in role's name is refused (409
	 * {@code built_in_role}), anything else that is not an id is not found.
	 */
	static RoleId ofCustom(String id) {
		if (PermissionCatalogue.isBuiltInRole(id)) {
			throw new ProblemException(HttpStatus.CONFLICT, "built_in_role",
					"Built-in roles cannot be changed; create a custom role instead");
		}
		try {
			return new RoleId(UUID.fromString(id));
		}
		catch (IllegalArgumentException ex) {
			throw ProblemException.notFound(PermissionSetKind.ROLE.title());
		}
	}

	@Override
	public PermissionSetKind kind() {
		return PermissionSetKind.ROLE;
	}

	@Override
	public String toString() {
		return value.toString();
	}
}
