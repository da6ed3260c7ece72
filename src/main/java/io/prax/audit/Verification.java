package io.prax.audit;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The result of walking a tenant's chain. {@code problem} names what is wrong at
 * {@code firstInvalidSeq}: {@code content_changed}, {@code broken_link}, {@code gap},
 * {@code checkpoint_mismatch}, {@code bad_checkpoint_signature}, or (offline only)
 * {@code unsigned_tail}: events after the last verified checkpoint.
 * {@code recordProblems} are the records whose bindings ({@link RecordIntegrityCheck},
 * e.g. signatures to the record version signed) do not hold; any makes the verification
 * invalid, and with an intact chain its first problem is {@code problem}.
 */
public record Verification(boolean valid, long checkedEvents, long headSeq, @Nullable String headChecksum,
		@Nullable Long firstInvalidSeq, @Nullable String problem, long checkpointsVerified,
		List<IntegrityProblem> recordProblems) {

	public Verification {
		recordProblems = List.copyOf(recordProblems);
	}

	public Verification(boolean valid, long checkedEvents, long headSeq, @Nullable String headChecksum,
			@Nullable Long firstInvalidSeq, @Nullable String problem, long checkpointsVerified) {
		this(valid, checkedEvents, headSeq, headChecksum, firstInvalidSeq, problem, checkpointsVerified, List.of());
	}

	/** This result with the records' problems added. */
	Verification withRecordProblems(List<IntegrityProblem> found) {
		if (found.isEmpty()) {
			return this;
		}
		return new Verification(false, checkedEvents, headSeq, headChecksum, firstInvalidSeq,
				problem != null ? problem : found.get(0).problem(), checkpointsVerified, found);
	}
}
