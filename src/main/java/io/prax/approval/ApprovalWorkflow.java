package io.prax.approval;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import io.prax.platform.TenantRecord;
import org.hibernate.annotations.SQLRestriction;
import org.jspecify.annotations.Nullable;

/** A record type's workflow; its steps are kept as JSON. */
@Entity
@SQLRestriction("deleted_at is null")
@Table(name = "approval_workflow")
class ApprovalWorkflow extends TenantRecord {

	private String recordType;

	private String name;

	private StepPlan plan;

	protected ApprovalWorkflow() {
	}

	ApprovalWorkflow(String recordType) {
		this.recordType = recordType;
	}

	@io.prax.platform.Initializer
	void define(String name, String steps, boolean ordered, boolean selfApproval) {
		this.name = name;
		this.plan = new StepPlan(steps, ordered, selfApproval);
	}

	void remove(Instant at, java.util.@Nullable UUID by, String reason) {
		markDeleted(at, by, reason);
	}

	String recordType() {
		return recordType;
	}

	String name() {
		return name;
	}

	StepPlan plan() {
		return plan;
	}

}
