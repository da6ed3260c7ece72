package io.prax.bench;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.UUID;

import io.prax.platform.CanonicalJson;
import io.prax.tenancy.TenantId;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.stereotype.Component;

/**
 * Extends a tenant's audit chain by a million events in seconds: each event is linked to
 * the head and hashed exactly as the audit module's writer does
 * ({@code hex(SHA-256(previous || RFC 8785
 * JSON of the content))}), ten thousand per insert, with the head row locked and moved in
 * the same transaction. Whether the result is a valid chain is for the real verifier to
 * say: the benchmark calls {@code GET /api/v1/audit/verify} on it, and a test does so on
 * a small chain.
 */
@Component
@Profile(BenchmarkProfile.NAME)
class BulkAuditChain {

	static final String GENESIS = "0".repeat(64);

	private static final int BATCH = 10_000;

	private static final DateTimeFormatter MICROS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'")
		.withZone(ZoneOffset.UTC);

	private final TenantWork work;

	private final Clock clock;

	BulkAuditChain(TenantWork work, Clock clock) {
		this.work = work;
		this.clock = clock;
	}

	/**
	 * Appends {@code events} customer-update events by {@code actor} to the tenant's
	 * chain.
	 */
	long append(TenantId tenant, UUID actor, long events) {
		long done = 0;
		while (done < events) {
			int batch = (int) Math.min(BATCH, events - done);
			work.in(tenant, jdbc -> {
				jdbc.execute((ConnectionCallback<Integer>) c -> {
					appendBatch(c, tenant.value(), actor, batch);
					return batch;
				});
				return batch;
			});
			done += batch;
		}
		return done;
	}

	private void appendBatch(Connection c, UUID tenant, UUID actor, int count) throws SQLException {
		long seq;
		String previous;
		try (PreparedStatement head = c
			.prepareStatement("select seq, checksum from audit_head where tenant_id = ? for update")) {
			head.setObject(1, tenant);
			try (ResultSet rs = head.executeQuery()) {
				if (rs.next()) {
					seq = rs.getLong(1);
					previous = rs.getString(2);
				}
				else {
					seq = 0;
					previous = GENESIS;
					try (PreparedStatement genesis = c
						.prepareStatement("insert into audit_head (tenant_id, seq, checksum) values (?, 0, ?)")) {
						genesis.setObject(1, tenant);
						genesis.setString(2, GENESIS);
						genesis.executeUpdate();
					}
				}
			}
		}
		Long[] seqs = new Long[count];
		String[] times = new String[count];
		String[] entities = new String[count];
		String[] changes = new String[count];
		String[] previousChecksums = new String[count];
		String[] checksums = new String[count];
		Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
		MessageDigest sha256 = sha256();
		for (int i = 0; i < count; i++) {
			seq++;
			seqs[i] = seq;
			times[i] = MICROS.format(at.plus(i, ChronoUnit.MICROS));
			entities[i] = new UUID(seq, tenant.getLeastSignificantBits()).toString();
			changes[i] = "{\"name\":{\"from\":\"Customer " + seq + "\",\"to\":\"Customer " + seq + " Ltd\"}}";
			String content = content(tenant, seq, times[i], actor, entities[i], changes[i]);
			if (i == 0 && !CanonicalJson.canonical(content).equals(content)) {
				throw new IllegalStateException("The bulk audit content is not canonical JSON: " + content);
			}
			previousChecksums[i] = previous;
			sha256.update(previous.getBytes(StandardCharsets.US_ASCII));
			previous = HexFormat.of().formatHex(sha256.digest(content.getBytes(StandardCharsets.UTF_8)));
			checksums[i] = previous;
		}
		try (PreparedStatement insert = c.prepareStatement("insert into audit_event (tenant_id, seq, occurred_at, "
				+ "actor_id, actor_name, actor_tier, session_id, ip, user_agent, action, entity_type, entity_id, changes, "
				+ "reason, previous_checksum, checksum) select ?, s, o::timestamptz, ?, 'Bench Admin', 'ADMIN', null, "
				+ "'127.0.0.1', 'prax-bench', 'customer.updated', 'customer', e, d::jsonb, null, p, k "
				+ "from unnest(?::bigint[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[]) as t(s, o, e, d, p, k)")) {
			insert.setObject(1, tenant);
			insert.setObject(2, actor);
			insert.setArray(3, c.createArrayOf("bigint", seqs));
			insert.setArray(4, text(c, times));
			insert.setArray(5, text(c, entities));
			insert.setArray(6, text(c, changes));
			insert.setArray(7, text(c, previousChecksums));
			insert.setArray(8, text(c, checksums));
			insert.executeUpdate();
		}
		try (PreparedStatement update = c
			.prepareStatement("update audit_head set seq = ?, checksum = ? where tenant_id = ?")) {
			update.setLong(1, seq);
			update.setString(2, previous);
			update.setObject(3, tenant);
			update.executeUpdate();
		}
	}

	/** The hashed content in RFC 8785 form: members sorted by name, no white space. */
	private static String content(UUID tenant, long seq, String time, UUID actor, String entity, String changes) {
		return "{\"action\":\"customer.updated\",\"actorId\":\"" + actor + "\",\"actorName\":\"Bench Admin\","
				+ "\"actorTier\":\"ADMIN\",\"changes\":" + changes + ",\"entityId\":\"" + entity
				+ "\",\"entityType\":\"customer\",\"ip\":\"127.0.0.1\",\"occurredAt\":\"" + time
				+ "\",\"reason\":null,\"seq\":" + seq + ",\"sessionId\":null,\"tenantId\":\"" + tenant
				+ "\",\"userAgent\":\"prax-bench\"}";
	}

	private static Array text(Connection c, String[] values) throws SQLException {
		return c.createArrayOf("text", values);
	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every JDK", ex);
		}
	}

}
