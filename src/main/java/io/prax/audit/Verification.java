package io.prax.audit;

import org.jspecify.annotations.Nullable;

/**
 * The result of walking a tenant's chain. {@code problem} names what is wrong at
 * {@code firstInvalidSeq}: {@code content_changed}, {@code broken_link}, {@code gap},
 * {@code checkpoint_mismatch}, {@code bad_checkpoint_signature}, or (offline only) {@code unsigned_tail}:
 * events after the last verified checkpoint.
 */
public record Verification(boolean valid, long checkedEvents, long headSeq, @Nullable String headChecksum,
		@Nullable Long firstInvalidSeq, @Nullable String problem, long checkpointsVerified) {
}
