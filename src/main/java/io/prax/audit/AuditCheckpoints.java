package io.prax.audit;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
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
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Signs each tenant's chain head when it has moved since the last checkpoint. Runs on a schedule,
 * once across nodes: the run holds a PostgreSQL advisory lock for its transaction, and a node that
 * cannot take it skips the round.
 */
@Service
public class AuditCheckpoints {

	/** Advisory lock key of the signing job ("PraxAudt"). */
	static final long LOCK = 0x5072617841756474L;
	private static final Logger log = LoggerFactory.getLogger(AuditCheckpoints.class);

	private final JdbcTemplate jdbc;
	private final JdbcTemplate streaming;
	private final TransactionTemplate outer;
	private final TransactionTemplate perTenant;
	private final AuditSigningKey key;
	private final Clock clock;

	AuditCheckpoints(javax.sql.DataSource dataSource, PlatformTransactionManager transactions, AuditSigningKey key, Clock clock) {
		this.jdbc = new JdbcTemplate(dataSource);
		this.streaming = new JdbcTemplate(dataSource);
		this.streaming.setFetchSize(500);
		this.outer = new TransactionTemplate(transactions);
		this.perTenant = new TransactionTemplate(transactions);
		this.perTenant.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
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
	 * Signs now the head of every tenant whose chain moved since its last checkpoint; answers how many
	 * were signed (0 when another node is signing at this moment).
	 */
	public int signNow() {
		Integer signed = outer.execute(status -> {
			Boolean locked = jdbc.queryForObject("select pg_try_advisory_xact_lock(?)", Boolean.class, LOCK);
			if (!Boolean.TRUE.equals(locked)) {
				return 0;
			}
			List<UUID> tenants = jdbc.queryForList("select id from tenant order by id", UUID.class);
			int count = 0;
			for (UUID tenant : tenants) {
				Boolean done = TenantContext.call(new TenantId(tenant), () -> perTenant.execute(s -> sign(tenant)));
				count += Boolean.TRUE.equals(done) ? 1 : 0;
			}
			return count;
		});
		return signed == null ? 0 : signed;
	}

	/**
	 * True when the events after the last checkpoint link to it, have intact checksums and end at the
	 * head: the server never signs a chain that was tampered with since the last signature.
	 */
	private boolean extendsCheckpoint(AuditWriter.Head signed, AuditWriter.Head head) {
		String[] previous = { signed.checksum() };
		long[] expected = { signed.seq() + 1 };
		boolean[] intact = { true };
		streaming.query("select " + AuditManagement.COLUMNS + " from audit_event where seq > ? order by seq", rs -> {
			AuditRecord event = AuditManagement.record(rs);
			if (!intact[0]) {
				return;
			}
			intact[0] = event.seq() == expected[0] && event.previousChecksum().equals(previous[0])
					&& event.computedChecksum().equals(event.checksum());
			previous[0] = event.checksum();
			expected[0]++;
		}, signed.seq());
		return intact[0] && expected[0] - 1 == head.seq() && previous[0].equals(head.checksum());
	}

	/**
	 * Signs the current tenant's head now if it moved since its last checkpoint, waiting for a signing
	 * round of another node to finish first: an export made right after is covered to its last event.
	 */
	public boolean signCurrentTenant() {
		UUID tenant = TenantContext.require().value();
		Boolean signed = outer.execute(status -> {
			jdbc.queryForList("select 1 from (select pg_advisory_xact_lock(?)) as locked", Integer.class, LOCK);
			return perTenant.execute(s -> sign(tenant));
		});
		return Boolean.TRUE.equals(signed);
	}

	private boolean sign(UUID tenant) {
		List<AuditWriter.Head> heads = jdbc.query("select seq, checksum from audit_head",
				(rs, i) -> new AuditWriter.Head(rs.getLong(1), rs.getString(2)));
		if (heads.isEmpty() || heads.get(0).seq() == 0) {
			return false;
		}
		AuditWriter.Head head = heads.get(0);
		List<AuditWriter.Head> last = jdbc.query("select seq, checksum from audit_checkpoint order by seq desc limit 1",
				(rs, i) -> new AuditWriter.Head(rs.getLong(1), rs.getString(2)));
		AuditWriter.Head signed = last.isEmpty() ? new AuditWriter.Head(0, AuditRecord.GENESIS) : last.get(0);
		if (signed.seq() >= head.seq()) {
			return false;
		}
		if (!extendsCheckpoint(signed, head)) {
			log.error("Audit chain of tenant {} does not extend its last checkpoint #{} to head #{}: not signing it; "
					+ "run verify", tenant, signed.seq(), head.seq());
			return false;
		}
		String body = SignedNote.body(tenant, head.seq(), head.checksum());
		byte[] signature = SignedNote.sign(key.privateKey(), body);
		jdbc.update("insert into audit_checkpoint (tenant_id, seq, checksum, signed_at, key_id, signature, note) "
				+ "values (?, ?, ?, ?, ?, ?, ?)", tenant, head.seq(), head.checksum(),
				Timestamp.from(AuditRecord.stamp(Instant.now(clock))), SignedNote.keyId(tenant, key.publicKey()),
				Base64.getEncoder().encodeToString(signature),
				SignedNote.note(tenant, body, key.publicKey(), signature));
		return true;
	}
}
