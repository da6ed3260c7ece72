package io.prax.access;

import io.prax.platform.Initializer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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
abstract class PermissionSetRecord extends TenantRecord {

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

}
