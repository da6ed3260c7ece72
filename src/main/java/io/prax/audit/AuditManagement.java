package io.prax.audit;

import static java.util.Objects.requireNonNull;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import javax.sql.DataSource;

import io.prax.platform.Cursor;
import io.prax.platform.Page;
import io.prax.tenancy.TenantContext;
import io.prax.tenancy.TenantId;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The current tenant's audit trail: list and filter it, verify its chain and checkpoints,
 * export it for offline verification. Writing happens elsewhere, in the transaction of
 * each change.
 */
@Service
public class AuditManagement {

	static final String EVENTS_FILE = "audit-events.jsonl";
	static final String CHECKPOINTS_FILE = "checkpoints.json";
	static final String KEYS_FILE = "public-keys.json";
	static final String COLUMNS = "tenant_id, seq, occurred_at, actor_id, actor_name, actor_tier, session_id, "
			+ "ip, user_agent, action, entity_type, entity_id, changes::text as changes, reason, previous_checksum, checksum";

	private final JdbcTemplate jdbc;

	private final JdbcTemplate streaming;

	private final AuditSigningKey key;

	private final AuditWriter writer;

	private final ObjectProvider<RecordIntegrityCheck> integrityChecks;

	AuditManagement(DataSource dataSource, AuditSigningKey key, AuditWriter writer,
			ObjectProvider<RecordIntegrityCheck> integrityChecks) {
		this.jdbc = new JdbcTemplate(dataSource);
		this.streaming = new JdbcTemplate(dataSource);
		this.streaming.setFetchSize(500);
		this.key = key;
		this.writer = writer;
		this.integrityChecks = integrityChecks;
	}

	/**
	 * Events newest first, after {@code cursor} (from a previous page), matching
	 * {@code query}.
	 */
	@Transactional(readOnly = true)
	public Page<AuditEventView> list(AuditQuery query, @Nullable String cursor, @Nullable Integer limit) {
		int size = Page.limit(limit);
		StringBuilder sql = new StringBuilder("select " + COLUMNS + " from audit_event where true");
		List<Object> args = new ArrayList<>();
		if (cursor != null && !cursor.isBlank()) {
			sql.append(" and seq < ?");
			args.add(decodeCursor(cursor));
		}
		filter(sql, args, "entity_type = ?", query.entityType());
		filter(sql, args, "entity_id = ?", query.entityId());
		filter(sql, args, "actor_id = ?", query.actorId());
		filter(sql, args, "action = ?", query.action());
		filter(sql, args, "occurred_at >= ?", query.from() == null ? null : Timestamp.from(query.from()));
		filter(sql, args, "occurred_at < ?", query.to() == null ? null : Timestamp.from(query.to()));
		sql.append(" order by seq desc limit ?");
		args.add(size + 1);
		List<AuditRecord> rows = jdbc.query(sql.toString(), (rs, i) -> record(rs), args.toArray());
		return Page.of(rows, size, AuditEventView::of, row -> Cursor.of("seq", Long.toString(row.seq())));
	}

	/**
	 * Sign-ins, refused sign-ins and revoked sessions since {@code since}, and the latest
	 * security events.
	 */
	public record SecuritySummary(long signIns, long failedSignIns, long sessionsRevoked, List<AuditEventView> recent) {
	}

	/** For the dashboard: what happened to the tenant's accounts and sessions lately. */
	@Transactional(readOnly = true)
	public SecuritySummary securitySummary(java.time.Instant since, int recent) {
		Timestamp from = Timestamp.from(since);
		String count = "select count(*) from audit_event where action = ? and occurred_at >= ?";
		long signIns = requireNonNull(jdbc.queryForObject(count, Long.class, "auth.sign_in", from));
		long failed = requireNonNull(jdbc.queryForObject(count, Long.class, "auth.sign_in_failed", from));
		long revoked = requireNonNull(jdbc.queryForObject(count, Long.class, "session.revoked", from));
		List<AuditEventView> latest = jdbc.query("select " + COLUMNS + " from audit_event where action like 'auth.%' "
				+ "or action like 'session.%' or action like 'user.%' or action like 'settings.%' "
				+ "order by seq desc limit ?", (rs, i) -> AuditEventView.of(record(rs)), recent);
		return new SecuritySummary(signIns, failed, revoked, latest);
	}

	/**
	 * Walks the whole chain in {@code seq} order as it streams from the database
	 * ({@link ChainRows}, constant memory), checking every link, every checksum and every
	 * signed checkpoint; stops at the first problem. Checkpoints, events and head are
	 * read in one snapshot: under read committed each statement would see the commits of
	 * writers since the previous one, and a head that moved on would look like a gap.
	 */
	@Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
	public Verification verify() {
		ChainVerifier verifier = new ChainVerifier(key.verificationKeys(), checkpointRecords());
		jdbc.execute((ConnectionCallback<Boolean>) connection -> {
			new ChainRows().walk(connection, verifier);
			return true;
		});
		List<AuditWriter.Head> head = jdbc.query("select seq, checksum from audit_head",
				(rs, i) -> new AuditWriter.Head(rs.getLong(1), rs.getString(2)));
		Verification chain = head.isEmpty() ? verifier.finish(0L, null)
				: verifier.finish(head.get(0).seq(), head.get(0).checksum());
		List<IntegrityProblem> records = new ArrayList<>();
		integrityChecks.orderedStream().forEach(check -> records.addAll(check.problems()));
		return chain.withRecordProblems(records);
	}

	/**
	 * The value of {@code field} in the changes of every event with {@code action}, by
	 * entity id: what the chain says was recorded, for a {@link RecordIntegrityCheck} to
	 * compare with the rows.
	 */
	@Transactional(readOnly = true)
	public java.util.Map<String, String> recorded(String action, String field) {
		java.util.Map<String, String> found = new java.util.HashMap<>();
		streaming.query("select entity_id, changes ->> ? from audit_event where action = ? and entity_id is not null",
				rs -> {
					found.put(rs.getString(1), rs.getString(2));
				}, field, action);
		return found;
	}

	@Transactional(readOnly = true)
	public List<CheckpointView> checkpoints() {
		return checkpointRecords().stream().map(CheckpointView::of).toList();
	}

	/**
	 * The keys that verify this tenant's checkpoints: the signing key first, then the
	 * retired ones.
	 */
	public List<PublicKeyView> publicKeys() {
		UUID tenant = TenantContext.require().value();
		AuditSigningKey.Ring ring = key.ring();
		return ring.verificationKeys()
			.stream()
			.map(k -> new PublicKeyView(SignedNote.keyId(tenant, k), SignedNote.ALGORITHM, SignedNote.pem(k),
					SignedNote.verifierKey(tenant, k), k.equals(ring.publicKey())))
			.toList();
	}

	/** Records in the chain that the current user exported it. */
	public void recordExport() {
		TenantId tenant = TenantContext.require();
		writer.record(tenant, new AuditEntry(AuditEntry.Actor.current(), "audit.exported", null, null, null, null));
	}

	/**
	 * Streams a ZIP with {@code audit-events.jsonl} (one event a line, checksums
	 * included), {@code checkpoints.json} and {@code public-keys.json}: what the offline
	 * verifier needs. All of it is read in one snapshot, and ends at {@code signedSeq} (a
	 * checkpoint's {@code seq}) when given, so events written meanwhile by others do not
	 * leave the export with an unsigned tail.
	 */
	@Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
	public void export(OutputStream target, OptionalLong signedSeq) {
		long upTo = signedSeq.orElse(Long.MAX_VALUE);
		try {
			ZipOutputStream zip = new ZipOutputStream(target, StandardCharsets.UTF_8);
			zip.putNextEntry(new ZipEntry(KEYS_FILE));
			zip.write(CanonicalJson.JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(publicKeys()));
			zip.closeEntry();
			zip.putNextEntry(new ZipEntry(CHECKPOINTS_FILE));
			ArrayNode checkpoints = CanonicalJson.JSON.createArrayNode();
			checkpointRecords().stream().filter(c -> c.seq() <= upTo).forEach(c -> checkpoints.add(checkpointJson(c)));
			zip.write(CanonicalJson.JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(checkpoints));
			zip.closeEntry();
			zip.putNextEntry(new ZipEntry(EVENTS_FILE));
			streaming.query("select " + COLUMNS + " from audit_event where seq <= ? order by seq", rs -> {
				try {
					zip.write(CanonicalJson.of(record(rs).toJson()).getBytes(StandardCharsets.UTF_8));
					zip.write('\n');
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			}, upTo);
			zip.closeEntry();
			zip.finish();
			zip.flush();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static ObjectNode checkpointJson(Checkpoint c) {
		ObjectNode node = CanonicalJson.JSON.createObjectNode();
		node.put("tenantId", c.tenantId().toString());
		node.put("seq", c.seq());
		node.put("checksum", c.checksum());
		node.put("signedAt", AuditRecord.time(c.signedAt()));
		node.put("keyId", c.keyId());
		node.put("signature", c.signature());
		node.put("note", c.note());
		return node;
	}

	private List<Checkpoint> checkpointRecords() {
		return jdbc.query(
				"select tenant_id, seq, checksum, signed_at, key_id, signature, note from audit_checkpoint "
						+ "order by seq",
				(rs, i) -> new Checkpoint(rs.getObject(1, UUID.class), rs.getLong(2), rs.getString(3),
						rs.getObject(4, OffsetDateTime.class).toInstant(), rs.getString(5), rs.getString(6),
						rs.getString(7)));
	}

	static AuditRecord record(ResultSet rs) throws SQLException {
		String changes = rs.getString("changes");
		return new AuditRecord(rs.getObject("tenant_id", UUID.class), rs.getLong("seq"),
				rs.getObject("occurred_at", OffsetDateTime.class).toInstant(), rs.getObject("actor_id", UUID.class),
				rs.getString("actor_name"), rs.getString("actor_tier"), rs.getObject("session_id", UUID.class),
				rs.getString("ip"), rs.getString("user_agent"), rs.getString("action"), rs.getString("entity_type"),
				rs.getString("entity_id"), changes == null ? null : CanonicalJson.JSON.readTree(changes),
				rs.getString("reason"), rs.getString("previous_checksum"), rs.getString("checksum"));
	}

	private static void filter(StringBuilder sql, List<Object> args, String condition, @Nullable Object value) {
		if (value != null && !(value instanceof String s && s.isBlank())) {
			sql.append(" and ").append(condition);
			args.add(value);
		}
	}

	private static long decodeCursor(String cursor) {
		Cursor decoded = Cursor.decode(cursor, 2);
		try {
			if (decoded.part(0).equals("seq")) {
				return Long.parseLong(decoded.part(1));
			}
		}
		catch (NumberFormatException ex) {
			// answered below
		}
		throw Cursor.invalid();
	}

}
