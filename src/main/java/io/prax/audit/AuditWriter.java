package io.prax.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.persistence.EntityManager;

import io.prax.tenancy.TenantContext;
import io.prax.tenancy.TenantId;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.engine.spi.TransactionCompletionCallbacks;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.node.ObjectNode;

/**
 * Appends events to a tenant's chain in the business transaction. Each event is prepared
 * when it is recorded (bounded fields, canonical JSON of its content around the one
 * number that depends on the chain, its {@code seq}), and a transaction's events are
 * written together just before commit, after the last flush. One event (the usual case)
 * is one statement: the head's upsert locks the tenant's head row and moves it on, and
 * the event is inserted with the seq and checksum it returns. Several events lock the
 * head ({@code select ... for update}), are chained here (one SHA-256 each), and go in
 * with the new head in one statement. So the lock is held for one or two round trips and
 * the commit, after every business row lock: writers of one tenant serialize without
 * deadlocks and other tenants never wait. A rolled-back transaction writes nothing.
 */
@Component
class AuditWriter {

	/** Rows per insert statement: PostgreSQL takes at most 65,535 parameters. */
	private static final int ROWS_PER_STATEMENT = 1_000;

	private static final String COLUMNS = "tenant_id, seq, occurred_at, actor_id, actor_name, actor_tier, session_id, "
			+ "ip, user_agent, action, entity_type, entity_id, changes, reason, previous_checksum, checksum";

	private static final String ROW = "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?)";

	/**
	 * A one-event append: the head's upsert (locking it) computes the event's checksum;
	 * the event's insert reads seq and checksums from it.
	 */
	private static final String APPEND_ONE = "with head as (insert into audit_head as h (tenant_id, seq, checksum, "
			+ "previous_checksum) values (?, 1, ?, ?) on conflict (tenant_id) do update set seq = h.seq + 1, "
			+ "previous_checksum = h.checksum, checksum = encode(sha256(convert_to(h.checksum, 'UTF8') || ?::bytea "
			+ "|| convert_to((h.seq + 1)::text, 'UTF8') || ?::bytea), 'hex') returning seq, previous_checksum, checksum), "
			+ "appended as (insert into audit_event (" + COLUMNS
			+ ") select ?::uuid, head.seq, ?::timestamptz, ?::uuid, "
			+ "?::text, ?::text, ?::uuid, ?::text, ?::text, ?::text, ?::text, ?::text, ?::jsonb, ?::text, "
			+ "head.previous_checksum, head.checksum from head) " + "select seq, previous_checksum, checksum from head";

	private final EntityManager entityManager;

	private final TransactionTemplate transactions;

	private final Clock clock;

	/** The events each open Hibernate session will append at its commit. */
	private final Map<SharedSessionContractImplementor, Batch> batches = Collections
		.synchronizedMap(new IdentityHashMap<>());

	AuditWriter(EntityManager entityManager, PlatformTransactionManager transactionManager, Clock clock) {
		this.entityManager = entityManager;
		this.transactions = new TransactionTemplate(transactionManager);
		this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.clock = clock;
	}

	/**
	 * Queues {@code entry} in the current transaction, or writes it in a transaction of
	 * its own if none is active.
	 */
	void record(TenantId tenant, AuditEntry entry) {
		Instant at = AuditRecord.stamp(Instant.now(clock));
		if (TransactionSynchronizationManager.isActualTransactionActive()
				&& !TransactionSynchronizationManager.isCurrentTransactionReadOnly()
				&& TenantContext.current().filter(tenant::equals).isPresent()) {
			enqueue(entityManager.unwrap(SharedSessionContractImplementor.class), tenant.value(), entry, at);
		}
		else {
			TenantContext
				.run(tenant,
						() -> transactions.executeWithoutResult(
								status -> enqueue(entityManager.unwrap(SharedSessionContractImplementor.class),
										tenant.value(), entry, at)));
		}
	}

	void enqueue(SharedSessionContractImplementor session, UUID tenant, AuditEntry entry, Instant at) {
		Prepared event = Prepared.of(tenant, entry, at);
		Batch batch = batches.get(session);
		if (batch == null || batch.appended || !batch.tenant.equals(tenant)) {
			// A batch already written, or of another tenant, cannot take it: the event
			// gets a batch of its own.
			batch = new Batch(tenant);
			if (!batches.containsKey(session) || batches.get(session).appended) {
				batches.put(session, batch);
			}
			TransactionCompletionCallbacks callbacks = session.getTransactionCompletionCallbacks();
			callbacks.registerCallback((TransactionCompletionCallbacks.BeforeCompletionCallback) batch);
			callbacks.registerCallback((TransactionCompletionCallbacks.AfterCompletionCallback) batch);
		}
		batch.events.add(event);
	}

	/**
	 * One transaction's events of one tenant, appended together just before it commits.
	 */
	private final class Batch implements TransactionCompletionCallbacks.BeforeCompletionCallback,
			TransactionCompletionCallbacks.AfterCompletionCallback {

		final UUID tenant;

		final List<Prepared> events = new ArrayList<>();

		volatile boolean appended;

		Batch(UUID tenant) {
			this.tenant = tenant;
		}

		@Override
		public void doBeforeTransactionCompletion(SharedSessionContractImplementor session) {
			appended = true;
			List<Prepared> pending = List.copyOf(events);
			events.clear();
			if (!pending.isEmpty()) {
				session.doWork(c -> append(c, tenant, pending));
			}
		}

		@Override
		public void doAfterTransactionCompletion(boolean success, SharedSessionContractImplementor session) {
			batches.remove(session, this);
		}

	}

	/**
	 * Links the events to the tenant's head and appends them: call inside the transaction
	 * that makes the change.
	 */
	static List<AuditRecord> append(Connection c, UUID tenant, List<Prepared> events) throws SQLException {
		if (events.size() == 1) {
			return List.of(appendOne(c, tenant, events.get(0)));
		}
		Head head = lockHead(c, tenant);
		List<AuditRecord> linked = new ArrayList<>(events.size());
		long seq = head.seq();
		String previous = head.checksum();
		for (Prepared event : events) {
			seq++;
			AuditRecord record = event.link(seq, previous);
			linked.add(record);
			previous = record.checksum();
		}
		for (int from = 0; from < linked.size(); from += ROWS_PER_STATEMENT) {
			List<AuditRecord> chunk = linked.subList(from, Math.min(linked.size(), from + ROWS_PER_STATEMENT));
			AuditRecord last = chunk.get(chunk.size() - 1);
			String sql = "with appended as (insert into audit_event (" + COLUMNS + ") values "
					+ String.join(", ", Collections.nCopies(chunk.size(), ROW))
					+ ") update audit_head set seq = ?, checksum = ? where tenant_id = ?";
			try (PreparedStatement write = c.prepareStatement(sql)) {
				int i = 0;
				for (AuditRecord event : chunk) {
					Prepared prepared = events.get((int) (event.seq() - head.seq() - 1));
					write.setObject(++i, tenant);
					write.setLong(++i, event.seq());
					write.setTimestamp(++i, Timestamp.from(event.occurredAt()));
					write.setObject(++i, event.actorId(), Types.OTHER);
					write.setString(++i, event.actorName());
					write.setString(++i, event.actorTier());
					write.setObject(++i, event.sessionId(), Types.OTHER);
					write.setString(++i, event.ip());
					write.setString(++i, event.userAgent());
					write.setString(++i, event.action());
					write.setString(++i, event.entityType());
					write.setString(++i, event.entityId());
					write.setString(++i, prepared.changesJson());
					write.setString(++i, event.reason());
					write.setString(++i, event.previousChecksum());
					write.setString(++i, event.checksum());
				}
				write.setLong(++i, last.seq());
				write.setString(++i, last.checksum());
				write.setObject(++i, tenant);
				write.executeUpdate();
			}
		}
		return linked;
	}

	/**
	 * One event in one round trip: the head's upsert locks it, moves it on and computes
	 * the event's checksum in SQL (the same SHA-256 over the same bytes as
	 * {@link Prepared#link}), and the event's insert takes seq and checksums from it. The
	 * head row stays locked only for this statement and the commit.
	 */
	private static AuditRecord appendOne(Connection c, UUID tenant, Prepared event) throws SQLException {
		AuditRecord first = event.link(1, AuditRecord.GENESIS);
		try (PreparedStatement write = c.prepareStatement(APPEND_ONE)) {
			AuditRecord e = event.unlinked();
			int i = 0;
			write.setObject(++i, tenant);
			write.setString(++i, first.checksum());
			write.setString(++i, AuditRecord.GENESIS);
			write.setBytes(++i, event.beforeSeq());
			write.setBytes(++i, event.afterSeq());
			write.setObject(++i, tenant);
			write.setTimestamp(++i, Timestamp.from(e.occurredAt()));
			write.setObject(++i, e.actorId(), Types.OTHER);
			write.setString(++i, e.actorName());
			write.setString(++i, e.actorTier());
			write.setObject(++i, e.sessionId(), Types.OTHER);
			write.setString(++i, e.ip());
			write.setString(++i, e.userAgent());
			write.setString(++i, e.action());
			write.setString(++i, e.entityType());
			write.setString(++i, e.entityId());
			write.setString(++i, event.changesJson());
			write.setString(++i, e.reason());
			try (ResultSet rs = write.executeQuery()) {
				if (!rs.next()) {
					throw new IllegalStateException("Audit head of tenant " + tenant + " did not move");
				}
				return new AuditRecord(tenant, rs.getLong(1), e.occurredAt(), e.actorId(), e.actorName(), e.actorTier(),
						e.sessionId(), e.ip(), e.userAgent(), e.action(), e.entityType(), e.entityId(), e.changes(),
						e.reason(), rs.getString(2), rs.getString(3));
			}
		}
	}

	/**
	 * An event ready to be linked: everything but its {@code seq} and checksums, and the
	 * canonical JSON of its content split around {@code "seq"} (RFC 8785 sorts the
	 * members, so the parts before and after it are fixed), so linking under the lock is
	 * one SHA-256.
	 */
	record Prepared(AuditRecord unlinked, @Nullable String changesJson, byte[] beforeSeq, byte[] afterSeq) {

		static Prepared of(UUID tenant, AuditEntry entry, Instant at) {
			AuditEntry.Actor actor = entry.actor();
			// Bounded here, before hashing, so no caller can put a huge header or name
			// into the permanent chain.
			AuditRecord unlinked = new AuditRecord(tenant, 0, at, actor.id(), Bounded.text(actor.name(), Bounded.NAME),
					Bounded.text(actor.tier(), Bounded.NAME), actor.sessionId(), Bounded.text(actor.ip(), Bounded.IP),
					Bounded.text(actor.userAgent(), Bounded.USER_AGENT), entry.action(),
					Bounded.text(entry.entityType(), Bounded.ID), Bounded.text(entry.entityId(), Bounded.ID),
					entry.changes(), Bounded.text(entry.reason(), Bounded.REASON), "", "");
			ObjectNode content = unlinked.content();
			ObjectNode before = CanonicalJson.JSON.createObjectNode();
			ObjectNode after = CanonicalJson.JSON.createObjectNode();
			for (String name : content.propertyNames()) {
				int order = name.compareTo("seq");
				if (order < 0) {
					before.set(name, content.get(name));
				}
				else if (order > 0) {
					after.set(name, content.get(name));
				}
			}
			String head = CanonicalJson.of(before);
			String tail = CanonicalJson.of(after);
			return new Prepared(unlinked, unlinked.changes() == null ? null : CanonicalJson.of(unlinked.changes()),
					(head.substring(0, head.length() - 1) + ",\"seq\":").getBytes(StandardCharsets.UTF_8),
					(tail.length() > 2 ? "," + tail.substring(1) : "}").getBytes(StandardCharsets.UTF_8));
		}

		/** The event at {@code seq} after {@code previous}, with its checksum. */
		AuditRecord link(long seq, String previous) {
			AuditRecord e = unlinked;
			try {
				MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
				sha256.update(previous.getBytes(StandardCharsets.US_ASCII));
				sha256.update(beforeSeq);
				sha256.update(Long.toString(seq).getBytes(StandardCharsets.US_ASCII));
				sha256.update(afterSeq);
				return new AuditRecord(e.tenantId(), seq, e.occurredAt(), e.actorId(), e.actorName(), e.actorTier(),
						e.sessionId(), e.ip(), e.userAgent(), e.action(), e.entityType(), e.entityId(), e.changes(),
						e.reason(), previous, HexFormat.of().formatHex(sha256.digest()));
			}
			catch (NoSuchAlgorithmException ex) {
				throw new IllegalStateException("SHA-256 is part of every JDK", ex);
			}
		}
	}

	record Head(long seq, String checksum) {
	}

	/**
	 * Locks the tenant's head row, creating it (seq 0, genesis checksum) on the tenant's
	 * first event.
	 */
	private static Head lockHead(Connection c, UUID tenant) throws SQLException {
		Head head = selectHead(c, tenant);
		if (head != null) {
			return head;
		}
		try (PreparedStatement insert = c.prepareStatement(
				"insert into audit_head (tenant_id, seq, checksum) values (?, 0, ?) on conflict (tenant_id) do nothing")) {
			insert.setObject(1, tenant);
			insert.setString(2, AuditRecord.GENESIS);
			insert.executeUpdate();
		}
		head = selectHead(c, tenant);
		if (head == null) {
			throw new IllegalStateException("Audit head of tenant " + tenant + " is not visible");
		}
		return head;
	}

	private static @Nullable Head selectHead(Connection c, UUID tenant) throws SQLException {
		try (PreparedStatement select = c
			.prepareStatement("select seq, checksum from audit_head where tenant_id = ? for update")) {
			select.setObject(1, tenant);
			try (ResultSet rs = select.executeQuery()) {
				return rs.next() ? new Head(rs.getLong(1), rs.getString(2)) : null;
			}
		}
	}

}
