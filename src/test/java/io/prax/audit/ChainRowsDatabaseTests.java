package io.prax.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.DateTimeException;
import java.util.ArrayList;
import java.util.List;

import io.prax.identity.Onboarding;
import io.prax.support.PraxIntegrationTest;
import io.prax.support.Tenants;
import io.prax.support.Tenants.TestTenant;
import io.prax.tenancy.DatabaseSuperuser;
import io.prax.tenancy.TenantContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The server's verify reads the chain through binary COPY ({@link ChainRows}); the chain
 * is defined by the record read through JDBC ({@link AuditManagement#record}). A chain
 * whose checksums the record path computed, over edge values of every column (times from
 * 4713 BC to 294276 AD, controls, quotes, non-ASCII and surrogate pairs in text, nulls,
 * jsonb of every shape and number), verifies as intact: both read every value alike.
 */
@PraxIntegrationTest
class ChainRowsDatabaseTests {

	private static final String[] TIMES = { "0001-01-01 00:00:00+00", "1999-12-31 23:59:59.999999+00",
			"2000-01-01 00:00:00+00", "1969-12-31 23:59:59.999999+00", "1970-01-01 00:00:00+00",
			"2000-02-29 12:00:00.5+00", "1883-11-18 12:03:58+00", "9999-12-31 23:59:59.999999+00",
			"10000-01-01 00:00:00+00", "0044-03-15 12:00:00+00 BC", "4713-01-01 00:00:00+00 BC",
			"294276-12-31 23:59:59.999999+00", "2026-12-01 16:45:00.000001+00", "2038-01-19 03:14:08+05:30" };

	private static final String[] TEXTS = { null, "", "plain", "quote \" backslash \\ slash /",
			"controls \u0001\b\f\n\r\t\u001f\u007f", "é € 😀 𝄞 \u2028 \uffff \ue000", "<script>&amp;</script>" };

	private static final String[] CHANGES = { null, "null", "{}", "[]", "\"text\"", "0", "-0", "1.5", "1e20",
			"12345678901234567890", "9007199254740993", "0.1", "-1.25e-7", "true",
			"{\"name\": {\"to\": \"Customer 1 Ltd\", \"from\": \"Customer 1\"}}",
			"{\"b\": [1, 2.50, {\"z\": null, \"é\": \"\\u0001\"}], \"a\": {\"\\ud83d\\ude00\": 1, \"\\uffff\": 2}, \"\": \"\"}",
			"{\"long key with \\\"quote\\\"\": \"line\\nbreak\", \"k\": 1.0, \"K\": 100000000000000000000000}" };

	@Autowired
	Onboarding onboarding;

	@Autowired
	AuditManagement audit;

	@Autowired
	ApplicationContext context;

	/**
	 * A time the record path cannot format (PostgreSQL's {@code infinity}) fails the
	 * verify as it did before, and leaves the connections fit for the next verify.
	 */
	@Test
	void failsOnAnInfiniteTimeAsBeforeAndStaysUsable() throws Exception {
		TestTenant tenant = Tenants.newTenant(onboarding);
		try (Connection c = DatabaseSuperuser.connect(context);
				PreparedStatement insert = c.prepareStatement("insert into audit_event (tenant_id, seq, occurred_at, "
						+ "action, previous_checksum, checksum) select tenant_id, seq + 1, 'infinity', 'edge', checksum, "
						+ "repeat('0', 64) from audit_head where tenant_id = ?")) {
			insert.setObject(1, tenant.id().value());
			insert.executeUpdate();
		}

		for (int i = 0; i < 3; i++) {
			assertThatThrownBy(() -> TenantContext.call(tenant.id(), audit::verify))
				.isInstanceOf(DateTimeException.class);
		}
		TestTenant other = Tenants.newTenant(onboarding);
		for (int i = 0; i < 3; i++) {
			assertThat(TenantContext.call(other.id(), audit::verify).valid()).isTrue();
		}
	}

	@Test
	void verifiesAChainOfEdgeValuesAsTheRecordDefinesIt() throws Exception {
		TestTenant tenant = Tenants.newTenant(onboarding);
		long head = TenantContext.call(tenant.id(), audit::verify).headSeq();
		int count = Math.max(TIMES.length, Math.max(TEXTS.length, CHANGES.length)) * 2;
		try (Connection c = DatabaseSuperuser.connect(context)) {
			c.setAutoCommit(false);
			try (Statement s = c.createStatement()) {
				s.execute("set local session_replication_role = replica");
			}
			for (int i = 0; i < count; i++) {
				try (PreparedStatement insert = c.prepareStatement("insert into audit_event (tenant_id, seq, "
						+ "occurred_at, actor_id, actor_name, actor_tier, session_id, ip, user_agent, action, entity_type, "
						+ "entity_id, changes, reason, previous_checksum, checksum) values (?, ?, ?::timestamptz, "
						+ (i % 3 == 0 ? "null" : "gen_random_uuid()") + ", ?, ?, "
						+ (i % 2 == 0 ? "null" : "gen_random_uuid()")
						+ ", ?, ?, ?, ?, ?, ?::jsonb, ?, repeat('0', 64), " + "repeat('0', 64))")) {
					insert.setObject(1, tenant.id().value());
					insert.setLong(2, head + 1 + i);
					insert.setString(3, TIMES[i % TIMES.length]);
					insert.setString(4, TEXTS[i % TEXTS.length]);
					insert.setString(5, TEXTS[(i + 1) % TEXTS.length]);
					insert.setString(6, TEXTS[(i + 2) % TEXTS.length]);
					insert.setString(7, TEXTS[(i + 3) % TEXTS.length]);
					insert.setString(8, "edge." + TEXTS[(i + 4) % TEXTS.length]);
					insert.setString(9, TEXTS[(i + 5) % TEXTS.length]);
					insert.setString(10, TEXTS[(i + 6) % TEXTS.length]);
					insert.setString(11, CHANGES[i % CHANGES.length]);
					insert.setString(12, TEXTS[(i + 2) % TEXTS.length]);
					insert.executeUpdate();
				}
			}
			List<AuditRecord> chain = new ArrayList<>();
			try (PreparedStatement select = c.prepareStatement(
					"select " + AuditManagement.COLUMNS + " from audit_event where tenant_id = ? order by seq")) {
				select.setObject(1, tenant.id().value());
				try (ResultSet rs = select.executeQuery()) {
					while (rs.next()) {
						chain.add(AuditManagement.record(rs));
					}
				}
			}
			String previous = chain.get((int) head - 1).checksum();
			for (AuditRecord event : chain.subList((int) head, chain.size())) {
				AuditRecord linked = event.withChecksums(previous);
				try (PreparedStatement update = c.prepareStatement(
						"update audit_event set previous_checksum = ?, checksum = ? where tenant_id = ? and seq = ?")) {
					update.setString(1, linked.previousChecksum());
					update.setString(2, linked.checksum());
					update.setObject(3, tenant.id().value());
					update.setLong(4, linked.seq());
					update.executeUpdate();
				}
				previous = linked.checksum();
			}
			try (PreparedStatement update = c
				.prepareStatement("update audit_head set seq = ?, checksum = ? where tenant_id = ?")) {
				update.setLong(1, head + count);
				update.setString(2, previous);
				update.setObject(3, tenant.id().value());
				update.executeUpdate();
			}
			c.commit();
		}

		Verification verification = TenantContext.call(tenant.id(), audit::verify);

		assertThat(verification.valid()).as(verification.toString()).isTrue();
		assertThat(verification.checkedEvents()).isEqualTo(head + count);
	}

}
