package io.prax.access;

import io.prax.platform.Initializer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.persistence.MappedSuperclass;

import io.prax.platform.TenantRecord;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.jspecify.annotations.Nullable;

/**
 * A named, described set of permissions: the common shape of custom roles and
 * designations.
 */
@MappedSuperclass
abstract sealed class PermissionSetRecord extends TenantRecord permits Role, Designation {

	private String name;

	private @Nullable String description;

	@JdbcTypeCode(SqlTypes.ARRAY)
	private List<String> permissions = new ArrayList<>();

	protected PermissionSetRecord() {
	}

	PermissionSetRecord(String name, @Nullable String description, List<String> permissions) {
		update(name, description, permissions);
	}

	@Initializer
	void update(String name, @Nullable String description, List<String> permissions) {
		this.name = name;
		this.description = description;
		this.permissions = new ArrayList<>(permissions);
	}

	void delete(Instant at, @Nullable UUID by, String reason) {
		markDeleted(at, by, reason);
	}

	String name() {
		return name;
	}

	@Nullable String description() {
		return description;
	}

	List<String> permissions() {
		return List.copyOf(permissions);
	}

	/**
	 * The facts of a user once this set's permissions are {@code permissions} (null: the
	 * set is deleted); unchanged when the user does not hold this set.
	 */
	abstract AccessFacts heldWith(AccessFacts facts, @Nullable Set<String> permissions);

}
