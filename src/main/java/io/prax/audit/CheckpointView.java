package io.prax.audit;

import java.time.Instant;

/**
 * A signed checkpoint as the API shows it; {@code note} is the complete C2SP signed note.
 */
public record CheckpointView(long seq, String checksum, Instant signedAt, String signature, String keyId, String note) {

	static CheckpointView of(Checkpoint c) {
		return new CheckpointView(c.seq(), c.checksum(), c.signedAt(), c.signature(), c.keyId(), c.note());
	}
}
