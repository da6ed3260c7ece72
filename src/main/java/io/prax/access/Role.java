package io.prax.access;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
non-sealed class Role extends PermissionSetRecord {

	protected Role() {
	}

	Role(String name, @Nullable String description, List<String> permissions) {
		super(name, description, permissions);
	}

	@Override
	AccessFacts heldWith(AccessFacts facts, @Nullable Set<String> permissions) {
		String key = facts.roleIds()
			.entrySet()
			.stream()
			.filter(e -> e.getValue().equals(id().toString()))
			.map(Map.Entry::getKey)
			.findFirst()
			.orElse(null);
		if (key == null) {
			return facts;
		}
		Map<String, Set<String>> grants = new LinkedHashMap<>(facts.roles());
		Map<String, String> ids = new LinkedHashMap<>(facts.roleIds());
		if (permissions == null) {
			grants.remove(key);
			ids.remove(key);
		}
		else {
			grants.put(key, permissions);
		}
		return new AccessFacts(facts.tier(), grants, ids, facts.designation(), facts.granted(), facts.revoked(),
				facts.gates());
	}

}
