package io.prax.access;

import java.util.List;
import java.util.Set;

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
non-sealed class Designation extends PermissionSetRecord {

	protected Designation() {
	}

	Designation(String name, @Nullable String description, List<String> permissions) {
		super(name, description, permissions);
	}

	@Override
	AccessFacts heldWith(AccessFacts facts, @Nullable Set<String> permissions) {
		AccessFacts.Designation held = facts.designation();
		if (held == null || !held.id().equals(id())) {
			return facts;
		}
		AccessFacts.Designation changed = permissions == null ? null
				: new AccessFacts.Designation(id(), held.name(), permissions);
		return new AccessFacts(facts.tier(), facts.roles(), facts.roleIds(), changed, facts.granted(), facts.revoked(),
				facts.gates());
	}

}
