package io.prax.approval;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * An approval: the record and the SHA-256 of the version submitted, its steps with their
 * signatures, and whether the caller could sign now ({@code signableStep}, null when
 * not).
 */
public record ApprovalView(UUID id, String recordType, String recordTypeLabel, UUID recordId, String recordTitle,
		String recordPath, ApprovalStatus status, String recordSha256, List<Step> steps, boolean ordered,
		boolean selfApproval, UUID submittedBy, String submittedByName, Instant submittedAt,
		@Nullable Instant completedAt, @Nullable Integer signableStep, long version) {

	/** A step with its signatures so far. */
	public record Step(int index, String name, int signers, List<String> roles, List<UUID> designations,
			boolean customer, boolean complete, List<SignatureView> signatures) {
	}

	public List<SignatureView> signatures() {
		return steps.stream().flatMap(step -> step.signatures().stream()).toList();
	}

	/** For list tooltips: every signature's manifestation, one per line. */
	public String manifestation() {
		return String.join("\n", signatures().stream().map(SignatureView::manifestation).toList());
	}
}
