package io.prax.access;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import io.prax.platform.CachedPerNode;
import io.prax.platform.TenantRecord;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.jspecify.annotations.Nullable;

/** A user's designation and per-user overrides; its id is the user's id. */
@Entity
@CachedPerNode
@Table(name = "user_access")
class UserAccess extends TenantRecord {

	private @Nullable UUID designationId;

	@JdbcTypeCode(SqlTypes.ARRAY)
	private List<String> granted = new ArrayList<>();

	@JdbcTypeCode(SqlTypes.ARRAY)
	private List<String> revoked = new ArrayList<>();

	protected UserAccess() {
	}

	UserAccess(UUID userId) {
		assignId(userId);
	}

	@Nullable UUID designationId() {
		return designationId;
	}

	List<String> granted() {
		return List.copyOf(granted);
	}

	List<String> revoked() {
		return List.copyOf(revoked);
	}

	void designate(@Nullable UUID designationId) {
		this.designationId = designationId;
	}

	void override(List<String> granted, List<String> revoked) {
		this.granted = new ArrayList<>(granted);
		this.revoked = new ArrayList<>(revoked);
	}

}
