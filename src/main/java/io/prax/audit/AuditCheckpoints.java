package io.prax.audit;

import org.jspecify.annotations.Nullable;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.OptionalLong;
import java.util.UUID;

import io.prax.tenancy.TenantContext;
import io.prax.tenancy.TenantId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Signs each tenant's chain head when it has moved since the last checkpoint. Runs on a
 * schedule on every node; each tenant is signed in one transaction on one connection that
 * holds a per-tenant advisory lock it only tries to take, so two nodes do not sign one
 * tenant at once and nothing ever waits for a lock or a second connection while holding a
 * pooled one. Two signers racing for the same head are harmless: the second insert finds
 * the first's checkpoint and does nothing.
 */
@Service
public class AuditCheckpoints {

	/**
	 * Advisory lock class of the signing job ("PrAu"); the second key is the tenant's
	 * hash.
	 */
	static final int LOCK_CLASS = 0x50724175;

	private static final Logger log = LoggerFactory.getLogger(AuditCheckpoints.class);

	private final JdbcTemplate jdbc;

	private final JdbcTemplate streaming;

	private final TransactionTemplate transaction;

	private final AuditSigningKey key;

	private final Clock clock;

	AuditCheckpoints(javax.sql.DataSource dataSource, PlatformTransactionManager transactions, AuditSigningKey key,
			Clock clock) {
		this.jdbc = new JdbcTemplate(dataSource);
		this.streaming = new JdbcTemplate(dataSource);
		this.streaming.setFetchSize(500);
		this.transaction = new TransactionTemplate(transactions);
		this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.key = key;
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${prax.audit.checkpoint-interval:5m}",
			initialDelayString = "${prax.audit.checkpoint-interval:5m}")
	void scheduled() {
		int signed = signNow();
		if (signed > 0) {
			log.info("Signed {} audit checkpoint(s)", signed);
		}
	}

	/**
	 * Signs now the head of every tenant whose chain moved since its last checkpoint;
	 * answers how many were signed (a tenant another node is signing at this moment is
	 * skipped).
	 */
	public int signNow() {
		outsideTransactions();
		List<UUID> tenants = transaction
			.execute(status -> jdbc.queryForList("select id from tenant order by id", UUID.class));
		int count = 0;
		for (UUID tenant : tenants == null ? List.<UUID>of() : tenants) {
			Boolean done = TenantContext.call(new TenantId(tenant), () -> transaction.execute(s -> {
				Boolean locked = jdbc.queryForObject("select pg_try_advisory_xact_lock(?, ?)", Boolean.class,
						LOCK_CLASS, tenant.hashCode());
				return Boolean.TRUE.equals(locked) && sign(tenant) == Signing.SIGNED;
			}));
			count += Boolean.TRUE.equals(done) ? 1 : 0;
		}
		return count;
	}

	/**
	 * True when the events after the last checkpoint up to the head link to it and have
	 * intact checksums: the server never signs a chain that was tampered with since the
	 * last signature. Events after {@code head} (committed since it was read) are not
	 * looked at.
	 */
	private boolean extendsCheckpoint(AuditWriter.Head signed, AuditWriter.Head head) {
		String[] previous = { signed.checksum() };
		long[] expected = { signed.seq() + 1 };
		boolean[] intact = { true };
		streaming.query(
				"select " + AuditManagement.COLUMNS + " from audit_event where seq > ? and seq <= ? order by seq",
				rs -> {
					AuditRecord event = AuditManagement.record(rs);
					if (!intact[0]) {
						return;
					}
					intact[0] = event.seq() == expected[0] && event.previousChecksum().equals(previous[0])
							&& event.computedChecksum().equals(event.checksum());
					previous[0] = event.checksum();
					expected[0]++;
				}, signed.seq(), head.seq());
		return intact[0] && expected[0] - 1 == head.seq() && previous[0].equals(head.checksum());
	}

	/**
	 * Signs the current tenant's head now if it moved since its last checkpoint, and
	 * answers the {@code seq} of the tenant's latest checkpoint, which then covers every
	 * event committed before this call; empty when the chain does not extend its last
	 * checkpoint (and so is not signed) or has no events. Never waits for a lock: when
	 * another signer is at work, both sign.
	 */
	public OptionalLong signCurrentTenant() {
		outsideTransactions();
		UUID tenant = TenantContext.require().value();
		// the callback answers null for "nothing signed"; NullAway outside JSpecify mode
		// (JDK 17) reads its T as non-null
		@SuppressWarnings("NullAway")
		@Nullable Long covered = transaction.execute(status -> switch (sign(tenant)) {
			case SIGNED, CURRENT -> jdbc.queryForObject("select max(seq) from audit_checkpoint", Long.class);
			case EMPTY, REFUSED -> null;
		});
		return covered == null ? OptionalLong.empty() : OptionalLong.of(covered);
	}

	/**
	 * Signing takes a connection of its own: from inside a transaction it would hold two
	 * at once.
	 */
	private static void outsideTransactions() {
		if (TransactionSynchronizationManager.isActualTransactionActive()) {
			throw new IllegalStateException("Audit checkpoints are signed outside any transaction");
		}
	}

	/**
	 * What signing a tenant's head did: signed it, found it signed already, found no
	 * events, or refused.
	 */
	private enum Signing {

		SIGNED, CURRENT, EMPTY, REFUSED

	}

	private List<AuditWriter.Head> heads(String sql) {
		return jdbc.query(sql, (rs, i) -> new AuditWriter.Head(rs.getLong(1), rs.getString(2)));
	}

	private Signing sign(UUID tenant) {
		List<AuditWriter.Head> heads = heads("select seq, checksum from audit_head");
		if (heads.isEmpty() || heads.get(0).seq() == 0) {
			return Signing.EMPTY;
		}
		AuditWriter.Head head = heads.get(0);
		List<AuditWriter.Head> last = heads("select seq, checksum from audit_checkpoint order by seq desc limit 1");
		AuditWriter.Head signed = last.isEmpty() ? new AuditWriter.Head(0, AuditRecord.GENESIS) : last.get(0);
		if (signed.seq() >= head.seq()) {
			return Signing.CURRENT;
		}
		if (!extendsCheckpoint(signed, head)) {
			log.error("Audit chain of tenant {} does not extend its last checkpoint #{} to head #{}: not signing it; "
					+ "run verify", tenant, signed.seq(), head.seq());
			return Signing.REFUSED;
		}
		String body = SignedNote.body(tenant, head.seq(), head.checksum());
		AuditSigningKey.Ring keys = key.ring();
		byte[] signature = SignedNote.sign(keys.privateKey(), body);
		jdbc.update(
				"insert into audit_checkpoint (tenant_id, seq, checksum, signed_at, key_id, signature, note) "
						+ "values (?, ?, ?, ?, ?, ?, ?) on conflict (tenant_id, seq) do nothing",
				tenant, head.seq(), head.checksum(), Timestamp.from(AuditRecord.stamp(Instant.now(clock))),
				SignedNote.keyId(tenant, keys.publicKey()), Base64.getEncoder().encodeToString(signature),
				SignedNote.note(tenant, body, keys.publicKey(), signature));
		return Signing.SIGNED;
	}

}
