package io.prax.audit;

import java.security.PublicKey;
import java.time.Instant;
import java.util.Base64;
import java.util.Collection;
import java.util.UUID;

/**
 * A signed chain head of one tenant: the chain had {@code seq} events and ended in
 * {@code checksum}.
 */
record Checkpoint(UUID tenantId, long seq, String checksum, Instant signedAt, String keyId, String signature,
		String note) {

	/**
	 * True when one of {@code keys} with this checkpoint's key id signed exactly this
	 * head.
	 */
	boolean signedBy(Collection<PublicKey> keys) {
		String body = SignedNote.body(tenantId, seq, checksum);
		if (!note.startsWith(body)) {
			return false;
		}
		byte[] raw;
		try {
			raw = Base64.getDecoder().decode(signature);
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
		return keys.stream()
			.filter(key -> SignedNote.keyId(tenantId, key).equals(keyId))
			.anyMatch(key -> SignedNote.verify(key, body, raw));
	}
}
