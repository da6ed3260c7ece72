package io.prax.audit;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The chain rules without a database: what each kind of tampering is reported as. */
class ChainVerifierTests {

	static final UUID TENANT = UUID.fromString("00000000-0000-0000-0000-00000000000a");
	static final KeyPair KEY = generate();

	@Test
	void acceptsAnIntactChainWithItsCheckpoint() {
		List<AuditRecord> chain = chain(5);

		Verification v = verify(chain, List.of(checkpoint(chain.get(4), KEY)));

		assertThat(v.valid()).isTrue();
		assertThat(v.checkedEvents()).isEqualTo(5);
		assertThat(v.headSeq()).isEqualTo(5);
		assertThat(v.headChecksum()).isEqualTo(chain.get(4).checksum());
		assertThat(v.checkpointsVerified()).isEqualTo(1);
	}

	@Test
	void reportsAChangedEventAsContentChanged() {
		List<AuditRecord> chain = chain(5);
		AuditRecord e = chain.get(2);
		chain.set(2,
				new AuditRecord(e.tenantId(), e.seq(), e.occurredAt(), e.actorId(), "Mallory", e.actorTier(),
						e.sessionId(), e.ip(), e.userAgent(), e.action(), e.entityType(), e.entityId(), e.changes(),
						e.reason(), e.previousChecksum(), e.checksum()));

		assertProblem(verify(chain, List.of()), 3, "content_changed");
	}

	@Test
	void reportsAMissingEventAsGap() {
		List<AuditRecord> chain = chain(5);
		chain.remove(1);

		assertProblem(verify(chain, List.of()), 2, "gap");
	}

	@Test
	void reportsAnEventRehashedAloneAsBrokenLinkOfTheNext() {
		List<AuditRecord> chain = chain(5);
		AuditRecord e = chain.get(1);
		chain.set(1,
				new AuditRecord(e.tenantId(), e.seq(), e.occurredAt(), e.actorId(), "Mallory", e.actorTier(),
						e.sessionId(), e.ip(), e.userAgent(), e.action(), e.entityType(), e.entityId(), e.changes(),
						e.reason(), e.previousChecksum(), "")
					.withChecksums(e.previousChecksum()));

		assertProblem(verify(chain, List.of()), 3, "broken_link");
	}

	@Test
	void reportsARewrittenChainThroughItsCheckpoint() {
		List<AuditRecord> genuine = chain(4);
		Checkpoint signed = checkpoint(genuine.get(3), KEY);
		List<AuditRecord> rewritten = chainWithActor(4, "Mallory");

		assertProblem(verify(rewritten, List.of(signed)), 4, "checkpoint_mismatch");
	}

	@Test
	void reportsACheckpointSignedByAnotherKey() {
		List<AuditRecord> chain = chain(3);

		assertProblem(verify(chain, List.of(checkpoint(chain.get(2), generate()))), 3, "bad_checkpoint_signature");
	}

	@Test
	void reportsEventsMissingBeforeASignedCheckpointAsGap() {
		List<AuditRecord> chain = chain(6);
		Checkpoint signed = checkpoint(chain.get(5), KEY);

		assertProblem(verify(chain.subList(0, 4), List.of(signed)), 5, "gap");
	}

	private static void assertProblem(Verification v, long seq, String problem) {
		assertThat(v.valid()).isFalse();
		assertThat(v.problem()).isEqualTo(problem);
		assertThat(v.firstInvalidSeq()).isEqualTo(seq);
	}

	private static Verification verify(List<AuditRecord> chain, List<Checkpoint> checkpoints) {
		ChainVerifier verifier = new ChainVerifier(List.of(KEY.getPublic()), checkpoints);
		for (AuditRecord event : chain) {
			if (!verifier.accept(event)) {
				break;
			}
		}
		return verifier.finish(null, null);
	}

	private static List<AuditRecord> chain(int size) {
		return chainWithActor(size, "Ada");
	}

	private static List<AuditRecord> chainWithActor(int size, String actor) {
		List<AuditRecord> chain = new ArrayList<>();
		String previous = AuditRecord.GENESIS;
		for (int seq = 1; seq <= size; seq++) {
			AuditRecord event = new AuditRecord(TENANT, seq, Instant.parse("2026-01-01T00:00:00Z").plusSeconds(seq),
					null, actor, "ADMIN", null, null, null, "update", "customer", "c" + seq, null, null, previous, "")
				.withChecksums(previous);
			chain.add(event);
			previous = event.checksum();
		}
		return chain;
	}

	private static Checkpoint checkpoint(AuditRecord head, KeyPair key) {
		String body = SignedNote.body(TENANT, head.seq(), head.checksum());
		byte[] signature = SignedNote.sign(key.getPrivate(), body);
		return new Checkpoint(TENANT, head.seq(), head.checksum(), Instant.now(),
				SignedNote.keyId(TENANT, key.getPublic()), Base64.getEncoder().encodeToString(signature),
				SignedNote.note(TENANT, body, key.getPublic(), signature));
	}

	private static KeyPair generate() {
		try {
			return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
		}
		catch (java.security.NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
