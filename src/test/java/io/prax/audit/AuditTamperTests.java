package io.prax.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.prax.identity.Onboarding;
import io.prax.support.Api;
import io.prax.support.PraxIntegrationTest;
import io.prax.support.Tenants;
import io.prax.support.Tenants.TestTenant;
import io.prax.tenancy.DatabaseSuperuser;
import io.prax.tenancy.TenantContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Someone with full write access to the database (the superuser, append-only triggers
 * switched off) tampers with a tenant's log; verify names the first invalid seq and what
 * is wrong.
 */
@PraxIntegrationTest
class AuditTamperTests {

	@LocalServerPort
	int port;

	@Autowired
	Onboarding onboarding;

	@Autowired
	AuditManagement audit;

	@Autowired
	AuditCheckpoints checkpoints;

	@Autowired
	ApplicationContext context;

	TestTenant tenant;

	long head;

	@BeforeEach
	void tenantWithSomeHistory() {
		tenant = Tenants.newTenant(onboarding);
		Api api = new Api(port);
		String token = api.login(tenant.slug(), tenant.adminEmail(), Tenants.PASSWORD).access();
		for (int i = 0; i < 3; i++) {
			String id = api.post("/api/v1/customers", Map.of("name", "Customer " + i), token).text("id");
			api.patch("/api/v1/customers/" + id, Map.of("phone", "+1 555 000" + i, "version", 0), token);
		}
		Verification genuine = verify();
		assertThat(genuine.valid()).as(genuine.toString()).isTrue();
		head = genuine.headSeq();
		assertThat(head).isGreaterThanOrEqualTo(8);
	}

	@Test
	void detectsAChangedFieldOfAnOldEvent() throws Exception {
		tamper("update audit_event set actor_name = 'Mallory' where tenant_id = ? and seq = 3");

		assertProblem(verify(), 3, "content_changed");
	}

	/**
	 * Every column of an event is covered: each change, one at a time on the latest event
	 * (a customer update: actor, session, ip, agent and changes set), is found, and the
	 * chain verifies again once the row is put back. (A changed {@code tenant_id} moves
	 * the row out of the tenant: {@link #detectsADeletedEvent()}.)
	 */
	@Test
	void detectsAChangeToAnyColumn() throws Exception {
		String copy = "tamper_" + tenant.id().value().toString().replace("-", "");
		String columns = "occurred_at, actor_id, actor_name, actor_tier, session_id, ip, user_agent, action, "
				+ "entity_type, entity_id, changes, reason, previous_checksum, checksum";
		superuser("create table " + copy + " as select * from audit_event where tenant_id = '" + tenant.id().value()
				+ "' and seq = " + head);
		Map<String, String> changes = new java.util.LinkedHashMap<>();
		changes.put("occurred_at = occurred_at + interval '1 microsecond'", "content_changed");
		changes.put("occurred_at = occurred_at - interval '1 year'", "content_changed");
		changes.put("actor_id = gen_random_uuid()", "content_changed");
		changes.put("actor_id = null", "content_changed");
		changes.put("actor_name = actor_name || ' '", "content_changed");
		changes.put("actor_tier = null", "content_changed");
		changes.put("session_id = gen_random_uuid()", "content_changed");
		changes.put("ip = '10.6.6.6'", "content_changed");
		changes.put("user_agent = user_agent || 'x'", "content_changed");
		changes.put("action = 'customer.created'", "content_changed");
		changes.put("entity_type = 'employee'", "content_changed");
		changes.put("entity_id = gen_random_uuid()::text", "content_changed");
		changes.put("changes = changes || '{\"x\": 1}'", "content_changed");
		changes.put("changes = null", "content_changed");
		changes.put("changes = 'null'::jsonb", "content_changed");
		changes.put("reason = 'because'", "content_changed");
		changes.put("checksum = repeat('a', 64)", "content_changed");
		changes.put("previous_checksum = repeat('a', 64)", "broken_link");
		changes.put("seq = seq + 1000", "gap");
		for (Map.Entry<String, String> change : changes.entrySet()) {
			tamper("update audit_event set " + change.getKey() + " where tenant_id = ? and seq = " + head);
			Verification tampered = verify();
			assertThat(tampered.problem()).as(change.getKey()).isEqualTo(change.getValue());
			assertThat(tampered.firstInvalidSeq()).as(change.getKey()).isEqualTo(head);
			tamper("delete from audit_event where tenant_id = ? and seq in (" + head + ", " + (head + 1000) + ")",
					"insert into audit_event (tenant_id, seq, " + columns + ") select tenant_id, seq, " + columns
							+ " from " + copy + " where tenant_id = ?");
			assertThat(verify().valid()).as("restored after " + change.getKey()).isTrue();
		}
		superuser("drop table " + copy);
	}

	@Test
	void detectsADeletedEvent() throws Exception {
		tamper("delete from audit_event where tenant_id = ? and seq = 4");

		assertProblem(verify(), 4, "gap");
	}

	@Test
	void detectsAForgedEvent() throws Exception {
		tamper("insert into audit_event (tenant_id, seq, occurred_at, action, previous_checksum, checksum) "
				+ "select tenant_id, seq + 1, now(), 'create', checksum, repeat('ab', 32) from audit_head where tenant_id = ?");

		assertProblem(verify(), head + 1, "content_changed");
	}

	@Test
	void detectsATruncatedTailAfterACheckpoint() throws Exception {
		assertThat(checkpoints.signNow()).isPositive();
		long keep = head - 3;

		tamper("delete from audit_event where tenant_id = ? and seq > " + keep,
				"update audit_head set seq = e.seq, checksum = e.checksum from audit_event e "
						+ "where e.tenant_id = audit_head.tenant_id and e.seq = " + keep
						+ " and audit_head.tenant_id = ?");

		assertProblem(verify(), keep + 1, "gap");
	}

	@Test
	void detectsARecomputedChainOnlyThroughTheSignedCheckpoint() throws Exception {
		assertThat(checkpoints.signNow()).isPositive();

		try (Connection c = DatabaseSuperuser.connect(context)) {
			c.setAutoCommit(false);
			try (Statement s = c.createStatement()) {
				s.execute("set local session_replication_role = replica");
			}
			List<AuditRecord> chain = new ArrayList<>();
			try (PreparedStatement select = c
				.prepareStatement("select tenant_id, seq, occurred_at, actor_id, actor_name, "
						+ "actor_tier, session_id, ip, user_agent, action, entity_type, entity_id, changes::text as changes, "
						+ "reason, previous_checksum, checksum from audit_event where tenant_id = ? order by seq")) {
				select.setObject(1, tenant.id().value());
				try (ResultSet rs = select.executeQuery()) {
					while (rs.next()) {
						chain.add(AuditManagement.record(rs));
					}
				}
			}
			String previous = AuditRecord.GENESIS;
			for (AuditRecord event : chain) {
				AuditRecord rewritten = event.seq() == 2
						? new AuditRecord(event.tenantId(), 2, event.occurredAt(), event.actorId(), "Mallory",
								event.actorTier(), event.sessionId(), event.ip(), event.userAgent(), event.action(),
								event.entityType(), event.entityId(), event.changes(), event.reason(), previous, "")
						: event;
				rewritten = rewritten.withChecksums(previous);
				try (PreparedStatement update = c.prepareStatement("update audit_event set actor_name = ?, "
						+ "previous_checksum = ?, checksum = ? where tenant_id = ? and seq = ?")) {
					update.setString(1, rewritten.actorName());
					update.setString(2, rewritten.previousChecksum());
					update.setString(3, rewritten.checksum());
					update.setObject(4, tenant.id().value());
					update.setLong(5, rewritten.seq());
					update.executeUpdate();
				}
				previous = rewritten.checksum();
			}
			try (PreparedStatement update = c
				.prepareStatement("update audit_head set checksum = ? where tenant_id = ?")) {
				update.setString(1, previous);
				update.setObject(2, tenant.id().value());
				update.executeUpdate();
			}
			c.commit();
		}

		Verification verification = verify();
		assertProblem(verification, head, "checkpoint_mismatch");
		assertThat(verification.checkedEvents()).as("every link of the rewritten chain is consistent").isEqualTo(head);
	}

	@Test
	void detectsAForgedCheckpointSignature() throws Exception {
		assertThat(checkpoints.signNow()).isPositive();

		tamper("update audit_checkpoint set signature = translate(signature, 'ABCDEFGH', 'BCDEFGHA') where tenant_id = ?");

		assertProblem(verify(), head, "bad_checkpoint_signature");
	}

	@Test
	void refusesToSignAChainTamperedSinceItsLastCheckpoint() throws Exception {
		tamper("update audit_event set ip = '10.6.6.6' where tenant_id = ? and seq = 2");

		checkpoints.signNow();

		assertThat(TenantContext.call(tenant.id(), audit::checkpoints)).isEmpty();
		assertProblem(verify(), 2, "content_changed");
	}

	private Verification verify() {
		return TenantContext.call(tenant.id(), audit::verify);
	}

	private static void assertProblem(Verification verification, long seq, String problem) {
		assertThat(verification.valid()).as(verification.toString()).isFalse();
		assertThat(verification.problem()).as(verification.toString()).isEqualTo(problem);
		assertThat(verification.firstInvalidSeq()).as(verification.toString()).isEqualTo(seq);
	}

	/**
	 * Runs each statement (with the tenant id as its one parameter) as the superuser with
	 * the append-only triggers off.
	 */
	private void superuser(String sql) throws Exception {
		try (Connection c = DatabaseSuperuser.connect(context); Statement s = c.createStatement()) {
			s.execute(sql);
		}
	}

	private void tamper(String... statements) throws Exception {
		try (Connection c = DatabaseSuperuser.connect(context)) {
			c.setAutoCommit(false);
			try (Statement s = c.createStatement()) {
				s.execute("set local session_replication_role = replica");
			}
			for (String sql : statements) {
				try (PreparedStatement statement = c.prepareStatement(sql)) {
					statement.setObject(1, tenant.id().value());
					statement.executeUpdate();
				}
			}
			c.commit();
		}
	}

}
