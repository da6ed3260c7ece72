package io.prax.approval;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.prax.platform.CanonicalJson;
import io.prax.platform.ProblemException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What record modules ask before they act: an issue or finalize needs a completed
 * approval when the record type has a workflow ({@code 409 approval_required}); a record
 * under a pending or approved approval is locked against edits and deletes
 * ({@code 423 record_locked}). Runs in the caller's transaction.
 */
@Service
public class ApprovalGate {

	/** Problem code when the record's type needs an approval that is not complete. */
	public static final String APPROVAL_REQUIRED = "approval_required";

	private final Approvals approvals;

	private final ApprovalWorkflows workflows;

	private final ApprovalSignatures signatures;

	private final RecordTypes types;

	ApprovalGate(Approvals approvals, ApprovalWorkflows workflows, ApprovalSignatures signatures, RecordTypes types) {
		this.approvals = approvals;
		this.workflows = workflows;
		this.signatures = signatures;
		this.types = types;
	}

	/** Whether the record type has a workflow, so its records need an approval. */
	@Transactional(readOnly = true)
	public boolean required(String recordType) {
		return workflows.findByRecordType(recordType).isPresent();
	}

	/**
	 * 409 {@link #APPROVAL_REQUIRED} unless the record type has no workflow or the record
	 * has an approved approval of exactly its current version.
	 */
	@Transactional(readOnly = true)
	public void requireApproved(String recordType, UUID recordId) {
		if (workflows.findByRecordType(recordType).isEmpty()) {
			return;
		}
		String current = types.of(recordType).content(recordId).map(CanonicalJson::sha256).orElse("");
		List<Approval> all = approvals.ofRecord(recordType, recordId);
		boolean approved = all.stream()
			.anyMatch(a -> a.status() == ApprovalStatus.APPROVED && a.recordSha256().equals(current));
		if (!approved) {
			boolean pending = all.stream().anyMatch(a -> a.status() == ApprovalStatus.PENDING);
			throw new ProblemException(HttpStatus.CONFLICT, APPROVAL_REQUIRED,
					types.label(recordType) + " records need a completed approval first"
							+ (pending ? "; the approval is still pending" : "; submit it for approval"));
		}
	}

	/** 423 {@code record_locked} while the record has a pending or approved approval. */
	@Transactional(readOnly = true)
	public void requireUnlocked(String recordType, UUID recordId) {
		approvals.ofRecord(recordType, recordId)
			.stream()
			.filter(a -> a.status() != ApprovalStatus.REJECTED)
			.findFirst()
			.ifPresent(a -> {
				throw new ProblemException(HttpStatus.LOCKED, "record_locked",
						"This record is "
								+ (a.status() == ApprovalStatus.PENDING ? "submitted for approval" : "approved")
								+ " and locked: the version signed must stay as it is");
			});
	}

	/**
	 * The signatures of the record's latest approval that is not rejected, in order, for
	 * its page and PDF.
	 */
	@Transactional(readOnly = true)
	public List<SignatureView> signatures(String recordType, UUID recordId) {
		return latest(recordType, recordId).map(a -> signatures.of(a.id()).stream().map(SignatureRow::view).toList())
			.orElse(List.of());
	}

	/** The id and status of the record's latest approval, for a link on its page. */
	public record Summary(UUID id, ApprovalStatus status, String recordSha256) {
	}

	@Transactional(readOnly = true)
	public Optional<Summary> summary(String recordType, UUID recordId) {
		return approvals.ofRecord(recordType, recordId)
			.stream()
			.findFirst()
			.map(a -> new Summary(a.id(), a.status(), a.recordSha256()));
	}

	private Optional<Approval> latest(String recordType, UUID recordId) {
		return approvals.ofRecord(recordType, recordId)
			.stream()
			.filter(a -> a.status() != ApprovalStatus.REJECTED)
			.findFirst();
	}

}
