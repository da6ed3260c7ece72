package io.prax.access;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import io.prax.platform.CachedPerNode;
import io.prax.platform.TenantRecord;
import org.hibernate.annotations.SQLRestriction;
import org.jspecify.annotations.Nullable;

/** A switched-off module or action; switching it back on soft-deletes the row. */
@Entity
@CachedPerNode
@SQLRestriction("deleted_at is null")
@Table(name = "feature_gate")
class FeatureGate extends TenantRecord {

	private String module;

	private @Nullable String action;

	@Enumerated(EnumType.STRING)
	private AccessFacts.Scope scope;

	private @Nullable String scopeRef;

	protected FeatureGate() {
	}

	FeatureGate(String module, @Nullable String action, AccessFacts.Scope scope, @Nullable String scopeRef) {
		this.module = module;
		this.action = action;
		this.scope = scope;
		this.scopeRef = scopeRef;
	}

	AccessFacts.Gate gate() {
		return new AccessFacts.Gate(module, action, scope, scopeRef);
	}

	void switchOn(Instant at, @Nullable UUID by) {
		markDeleted(at, by, "switched on");
	}

}
