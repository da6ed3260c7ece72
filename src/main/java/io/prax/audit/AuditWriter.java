package io.prax.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.EntityManager;

import io.prax.tenancy.TenantContext;
import io.prax.tenancy.TenantId;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Appends events to a tenant's chain in the business transaction. Events are queued on the Hibernate
 * session and written just before commit, after the last flush: then the tenant's head row is locked
 * ({@code select ... for update}) only for the last moments of the transaction, after every business
 * row lock, so writers of one tenant serialize without deadlocks and other tenants never wait. A
 * rolled-back transaction writes nothing.
 */
@Component
class AuditWriter {

	private final EntityManager entityManager;
	private final TransactionTemplate transactions;
	private final Clock clock;

	AuditWriter(EntityManager entityManager, PlatformTransactionManager transactionManager, Clock clock) {
		this.entityManager = entityManager;
		this.transactions = new TransactionTemplate(transactionManager);
		this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.clock = clock;
	}

	/** Queues {@code entry} in the current transaction, or writes it in a transaction of its own if none is active. */
	void record(TenantId tenant, AuditEntry entry) {
		Instant at = AuditRecord.stamp(Instant.now(clock));
		if (TransactionSynchronizationManager.isActualTransactionActive()
				&& !TransactionSynchronizationManager.isCurrentTransactionReadOnly()
				&& TenantContext.current().filter(tenant::equals).isPresent()) {
			enqueue(entityManager.unwrap(SharedSessionContractImplementor.class), tenant.value(), entry, at);
		}
		else {
			TenantContext.run(tenant, () -> transactions.executeWithoutResult(status -> enqueue(
					entityManager.unwrap(SharedSessionContractImplementor.class), tenant.value(), entry, at)));
		}
	}

	void enqueue(SharedSessionContractImplementor session, UUID tenant, AuditEntry entry, Instant at) {
		session.getTransactionCompletionCallbacks()
			.registerCallback((SharedSessionContractImplementor s) -> s.doWork(c -> append(c, tenant, entry, at)));
	}

	/** Links the event to the tenant's head and appends it: call inside the transaction that makes the change. */
	static AuditRecord append(Connection c, UUID tenant, AuditEntry entry, Instant at) throws SQLException {
		Head head = lockHead(c, tenant);
		AuditEntry.Actor actor = entry.actor();
		// Bounded here, before hashing, so no caller can put a huge header or name into the permanent chain.
		AuditRecord event = new AuditRecord(tenant, head.seq() + 1, at, actor.id(), Bounded.text(actor.name(), Bounded.NAME),
				Bounded.text(actor.tier(), Bounded.NAME), actor.sessionId(), Bounded.text(actor.ip(), Bounded.IP),
				Bounded.text(actor.userAgent(), Bounded.USER_AGENT), entry.action(),
				Bounded.text(entry.entityType(), Bounded.ID), Bounded.text(entry.entityId(), Bounded.ID), entry.changes(),
				Bounded.text(entry.reason(), Bounded.REASON), head.checksum(), "")
			.withChecksums(head.checksum());
		try (PreparedStatement insert = c.prepareStatement("insert into audit_event (tenant_id, seq, occurred_at, "
				+ "actor_id, actor_name, actor_tier, session_id, ip, user_agent, action, entity_type, entity_id, "
				+ "changes, reason, previous_checksum, checksum) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?)")) {
			insert.setObject(1, tenant);
			insert.setLong(2, event.seq());
			insert.setTimestamp(3, Timestamp.from(event.occurredAt()));
			insert.setObject(4, event.actorId(), Types.OTHER);
			insert.setString(5, event.actorName());
			insert.setString(6, event.actorTier());
			insert.setObject(7, event.sessionId(), Types.OTHER);
			insert.setString(8, event.ip());
			insert.setString(9, event.userAgent());
			insert.setString(10, event.action());
			insert.setString(11, event.entityType());
			insert.setString(12, event.entityId());
			insert.setString(13, event.changes() == null ? null : CanonicalJson.of(event.changes()));
			insert.setString(14, event.reason());
			insert.setString(15, event.previousChecksum());
			insert.setString(16, event.checksum());
			insert.executeUpdate();
		}
		try (PreparedStatement update = c.prepareStatement(
				"update audit_head set seq = ?, checksum = ? where tenant_id = ?")) {
			update.setLong(1, event.seq());
			update.setString(2, event.checksum());
			update.setObject(3, tenant);
			update.executeUpdate();
		}
		return event;
	}

	record Head(long seq, String checksum) {
	}

	/** Locks the tenant's head row, creating it (seq 0, genesis checksum) on the tenant's first event. */
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
		try (PreparedStatement select = c.prepareStatement(
				"select seq, checksum from audit_head where tenant_id = ? for update")) {
			select.setObject(1, tenant);
			try (ResultSet rs = select.executeQuery()) {
				return rs.next() ? new Head(rs.getLong(1), rs.getString(2)) : null;
			}
		}
	}
}
