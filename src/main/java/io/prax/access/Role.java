package io.prax.access;

import java.util.List;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import io.prax.platform.CachedPerNode;
import org.hibernate.annotations.SQLRestriction;
import org.jspecify.annotations.Nullable;

/** A tenant's own role: a named set of permissions beside the five built-in roles. */
@Entity
@CachedPerNode
@SQLRestriction("deleted_at is null")
@Table(name = "role")
class Role extends PermissionSetRecord {

	protected Role() {
	}

	Role(String name, @Nullable String description, List<String> permissions) {
		super(name, description, permissions);
	}

}
