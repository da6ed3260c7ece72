package io.prax.access;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import io.prax.platform.TenantRecord;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.jspecify.annotations.Nullable;

/** A job title such as "Accountant" that carries a permission set; a user has at most one. */
@Entity
@Table(name = "designation")
class Designation extends TenantRecord {

	private String name;

	private @Nullable String description;

	@JdbcTypeCode(SqlTypes.ARRAY)
	private List<String> permissions = new ArrayList<>();

	protected Designation() {
	}

	Designation(String name, @Nullable String description, List<String> permissions) {
		update(name, description, permissions);
	}

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

	@Nullable
	String description() {
		return description;
	}

	List<String> permissions() {
		return List.copyOf(permissions);
	}
}
