package io.prax.approval;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import io.prax.platform.TenantRecord;
import org.hibernate.annotations.SQLRestriction;
import org.jspecify.annotations.Nullable;

/**
 * One submission of one record version for approval: the record's canonical JSON and
 * SHA-256 frozen at submission, and the workflow's steps as they were then (a later
 * change of the workflow does not change an approval under way).
 */
@Entity
@SQLRestriction("deleted_at is null")
@Table(name = "approval")
class Approval extends TenantRecord {

	private UUID workflowId;

	private String recordType;

	private UUID recordId;

	private String recordTitle;

	private String recordContent;

	private String recordSha256;

	private StepPlan plan;

	@Enumerated(EnumType.STRING)
	private ApprovalStatus status;

	private UUID submittedBy;

	private Instant submittedAt;

	private @Nullable Instant completedAt;

	protected Approval() {
	}

	Approval(ApprovalWorkflow workflow, String recordType, UUID recordId, String recordTitle, String recordContent,
			String recordSha256, UUID submittedBy, Instant submittedAt) {
		this.workflowId = workflow.id();
		this.recordType = recordType;
		this.recordId = recordId;
		this.recordTitle = recordTitle;
		this.recordContent = recordContent;
		this.recordSha256 = recordSha256;
		this.plan = workflow.plan();
		this.status = ApprovalStatus.PENDING;
		this.submittedBy = submittedBy;
		this.submittedAt = submittedAt;
	}

	void complete(ApprovalStatus outcome, Instant at) {
		this.status = outcome;
		this.completedAt = at;
	}

	String recordType() {
		return recordType;
	}

	UUID recordId() {
		return recordId;
	}

	String recordTitle() {
		return recordTitle;
	}

	String recordContent() {
		return recordContent;
	}

	String recordSha256() {
		return recordSha256;
	}

	String steps() {
		return plan.steps();
	}

	boolean ordered() {
		return plan.ordered();
	}

	boolean selfApproval() {
		return plan.selfApproval();
	}

	ApprovalStatus status() {
		return status;
	}

	UUID submittedBy() {
		return submittedBy;
	}

	Instant submittedAt() {
		return submittedAt;
	}

	@Nullable Instant completedAt() {
		return completedAt;
	}

}
