package io.prax.audit;

import java.security.PublicKey;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import org.jspecify.annotations.Nullable;

/**
 * Walks one tenant's chain in {@code seq} order, one event at a time (constant memory),
 * and stops at the first problem. Used by the server's verify and by the offline verifier
 * alike.
 */
final class ChainVerifier {

	private final List<PublicKey> keys;

	private final Iterator<Checkpoint> checkpoints;

	private @Nullable Checkpoint nextCheckpoint;

	private long lastSeq;

	private String lastChecksum = AuditRecord.GENESIS;

	private long checked;

	private long checkpointsVerified;

	private @Nullable Long firstInvalidSeq;

	private @Nullable String problem;

	/** {@code checkpoints} in ascending {@code seq} order. */
	ChainVerifier(List<PublicKey> keys, Iterable<Checkpoint> checkpoints) {
		this.keys = keys;
		this.checkpoints = checkpoints.iterator();
		this.nextCheckpoint = this.checkpoints.hasNext() ? this.checkpoints.next() : null;
	}

	/**
	 * Checks the next event; false once a problem is found (later events are not looked
	 * at).
	 */
	boolean accept(AuditRecord event) {
		return accept(event.tenantId(), event.seq(), event.previousChecksum(), event.checksum(),
				() -> event.computedChecksum().equals(event.checksum()));
	}

	/**
	 * {@link #accept(AuditRecord)} for a reader that checks the content itself:
	 * {@code contentIntact} answers whether {@code checksum} is the one the event's link
	 * and content give (asked only once seq and link hold, as before).
	 */
	boolean accept(UUID tenantId, long seq, String previousChecksum, String checksum, BooleanSupplier contentIntact) {
		if (problem != null) {
			return false;
		}
		if (seq != lastSeq + 1) {
			return fail(lastSeq + 1, "gap");
		}
		if (!previousChecksum.equals(lastChecksum)) {
			return fail(seq, "broken_link");
		}
		if (!contentIntact.getAsBoolean()) {
			return fail(seq, "content_changed");
		}
		checked++;
		lastSeq = seq;
		lastChecksum = checksum;
		while (nextCheckpoint != null && nextCheckpoint.seq() <= lastSeq) {
			Checkpoint checkpoint = nextCheckpoint;
			if (!checkpoint.signedBy(keys)) {
				return fail(checkpoint.seq(), "bad_checkpoint_signature");
			}
			if (checkpoint.seq() == lastSeq
					&& (!checkpoint.checksum().equals(lastChecksum) || !checkpoint.tenantId().equals(tenantId))) {
				return fail(checkpoint.seq(), "checkpoint_mismatch");
			}
			checkpointsVerified++;
			advance();
		}
		return true;
	}

	/**
	 * The result. {@code headSeq}/{@code headChecksum} are the database's head row (null
	 * offline): events missing after the end, up to the head or a signed checkpoint, are
	 * a {@code gap}.
	 */
	Verification finish(@Nullable Long headSeq, @Nullable String headChecksum) {
		if (problem == null && nextCheckpoint != null) {
			if (!nextCheckpoint.signedBy(keys)) {
				fail(nextCheckpoint.seq(), "bad_checkpoint_signature");
			}
			else {
				fail(lastSeq + 1, "gap");
			}
		}
		if (problem == null && headSeq != null) {
			if (headSeq > lastSeq) {
				fail(lastSeq + 1, "gap");
			}
			else if (headSeq < lastSeq) {
				fail(headSeq + 1, "broken_link");
			}
			else if (headChecksum != null && !headChecksum.equals(lastChecksum)) {
				fail(lastSeq, "broken_link");
			}
		}
		long head = headSeq != null ? headSeq : lastSeq;
		String headHash = headSeq != null ? headChecksum : lastSeq == 0 ? null : lastChecksum;
		return new Verification(problem == null, checked, head, head == 0 ? null : headHash, firstInvalidSeq, problem,
				checkpointsVerified);
	}

	private void advance() {
		nextCheckpoint = checkpoints.hasNext() ? checkpoints.next() : null;
	}

	private boolean fail(long seq, String what) {
		if (problem == null) {
			firstInvalidSeq = seq;
			problem = what;
		}
		return false;
	}

}
