package io.prax.approval;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.prax.audit.AuditManagement;
import io.prax.audit.IntegrityProblem;
import io.prax.audit.RecordIntegrityCheck;
import io.prax.platform.CanonicalJson;
import org.springframework.stereotype.Component;

/**
 * Part of the audit verification: every signature still hashes to its binding, the signed
 * audit chain recorded exactly that binding for it (a row copied to another record has
 * none), it belongs to the approval, record and record version it names, and every
 * approval that stands (pending or approved) still matches the record as it is now (a
 * record changed behind Prax's back no longer does).
 */
@Component
class ApprovalIntegrity implements RecordIntegrityCheck {

	static final String SIGNED_RECORD_CHANGED = "signed_record_changed";
	static final String SIGNATURE_CHANGED = "signature_changed";
	static final String SIGNATURE_NOT_RECORDED = "signature_not_recorded";
	static final String SIGNATURE_MOVED = "signature_moved";

	private final Approvals approvals;

	private final ApprovalSignatures signatures;

	private final RecordTypes types;

	private final AuditManagement audit;

	ApprovalIntegrity(Approvals approvals, ApprovalSignatures signatures, RecordTypes types, AuditManagement audit) {
		this.approvals = approvals;
		this.signatures = signatures;
		this.types = types;
		this.audit = audit;
	}

	@Override
	public List<IntegrityProblem> problems() {
		List<IntegrityProblem> found = new ArrayList<>();
		Map<UUID, Approval> byId = new HashMap<>();
		approvals.findAll().forEach(a -> byId.put(a.id(), a));
		Map<String, String> recorded = audit.recorded("approval.signed", "bindingSha256");
		signatures.each(row -> {
			String id = row.id().toString();
			Approval approval = byId.get(row.approvalId());
			if (!row.binding().equals(row.bindingSha256())) {
				found.add(new IntegrityProblem(SIGNATURE_CHANGED, "approval_signature", id,
						"The signature's fields no longer hash to its binding"));
			}
			else if (!row.bindingSha256().equals(recorded.get(id))) {
				found.add(new IntegrityProblem(SIGNATURE_NOT_RECORDED, "approval_signature", id,
						"The audit chain has no record of this signature as it stands"));
			}
			else if (approval == null || !approval.recordSha256().equals(row.recordSha256())
					|| !approval.recordId().equals(row.recordId()) || !approval.recordType().equals(row.recordType())) {
				found.add(new IntegrityProblem(SIGNATURE_MOVED, "approval_signature", id,
						"The signature names a record or version its approval does not"));
			}
		});
		for (Approval approval : byId.values()) {
			if (approval.status() == ApprovalStatus.REJECTED || !types.known(approval.recordType())) {
				continue;
			}
			String id = approval.id().toString();
			if (!CanonicalJson.sha256(approval.recordContent()).equals(approval.recordSha256())) {
				found.add(new IntegrityProblem(SIGNED_RECORD_CHANGED, "approval", id,
						"The frozen content of the approval no longer hashes to its SHA-256"));
				continue;
			}
			Optional<String> current = types.of(approval.recordType()).content(approval.recordId());
			if (current.isEmpty() || !CanonicalJson.sha256(current.get()).equals(approval.recordSha256())) {
				found.add(new IntegrityProblem(SIGNED_RECORD_CHANGED, approval.recordType(),
						approval.recordId().toString(),
						"The " + types.label(approval.recordType()).toLowerCase(java.util.Locale.ROOT)
								+ " differs from the version submitted for approval " + id));
			}
		}
		return found;
	}

}
