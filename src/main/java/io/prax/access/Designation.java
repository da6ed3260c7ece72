package io.prax.access;

import java.util.List;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import io.prax.platform.CachedPerNode;
import org.hibernate.annotations.SQLRestriction;
import org.jspecify.annotations.Nullable;

/**
 * A job title such as "Accountant" that carries a permission set; a user has at most one.
 */
@Entity
@CachedPerNode
@SQLRestriction("deleted_at is null")
@Table(name = "designation")
class Designation extends PermissionSetRecord {

	protected Designation() {
	}

	Designation(String name, @Nullable String description, List<String> permissions) {
		super(name, description, permissions);
	}

}
