package io.prax.audit;

import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import io.prax.identity.UserLifecycle;
import io.prax.identity.NewUser;
import io.prax.identity.Onboarding;
import io.prax.identity.Tier;
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
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * F10 core: every change of every record lands once in its tenant's chain, in its
 * transaction, and stays there.
 */
@PraxIntegrationTest
class AuditChainTests {

	@LocalServerPort
	int port;

	@Autowired
	Onboarding onboarding;

	@Autowired
	UserLifecycle identity;

	@Autowired
	AuditManagement audit;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	DataSource dataSource;

	@Autowired
	ApplicationContext context;

	Api api;

	JdbcTemplate jdbc;

	@BeforeEach
	void setUp() {
		api = new Api(port);
		jdbc = new JdbcTemplate(dataSource);
	}

	@Test
	void recordsCreateUpdateAndSoftDeleteWithFieldDiffsAndWhoDidIt() {
		TestTenant tenant = Tenants.newTenant(onboarding);
		Api.Tokens admin = api.login(tenant.slug(), tenant.adminEmail(), Tenants.PASSWORD);
		var created = api.post("/api/v1/customers", Map.of("name", "Acme", "email", "billing@acme.example"),
				admin.access());
		String id = created.text("id");
		api.patch("/api/v1/customers/" + id, Map.of("name", "Acme Ltd", "version", 0), admin.access());
		api.delete("/api/v1/customers/" + id, Map.of("reason", "Duplicate record"), admin.access());

		List<AuditEventView> events = TenantContext.call(tenant.id(),
				() -> audit.list(new AuditQuery("customer", id, null, null, null, null), null, null).items());

		assertThat(events).extracting(AuditEventView::action).containsExactly("delete", "update", "create");
		AuditEventView create = events.get(2);
		assertThat(create.changes().get("name").get("after").asString()).isEqualTo("Acme");
		assertThat(create.changes().get("email").get("after").asString()).isEqualTo("billing@acme.example");
		assertThat(create.changes().has("version")).isFalse();
		AuditEventView update = events.get(1);
		assertThat(update.changes().get("name").get("before").asString()).isEqualTo("Acme");
		assertThat(update.changes().get("name").get("after").asString()).isEqualTo("Acme Ltd");
		assertThat(update.changes().has("email")).isFalse();
		assertThat(events.get(0).reason()).isEqualTo("Duplicate record");
		assertThat(events).allSatisfy(event -> {
			assertThat(event.actorId()).isEqualTo(tenant.admin().id().value());
			assertThat(event.actorName()).isEqualTo(tenant.admin().name());
			assertThat(event.actorTier()).isEqualTo("ADMIN");
			assertThat(event.sessionId()).hasToString(admin.sessionId());
			assertThat(event.ip()).isNotBlank();
			assertThat(event.userAgent()).isNotBlank();
		});
	}

	@Test
	void masksSecretsInDiffs() {
		TestTenant tenant = Tenants.newTenant(onboarding);

		List<AuditEventView> events = TenantContext.call(tenant.id(),
				() -> audit
					.list(new AuditQuery("user", tenant.admin().id().value().toString(), null, "create", null, null),
							null, null)
					.items());

		assertThat(events).hasSize(1);
		JsonNode changes = events.get(0).changes();
		assertThat(changes.get("passwordHash").get("after").asString()).isEqualTo(AuditCapture.MASK);
		assertThat(changes.get("email").get("after").asString()).isEqualTo(tenant.adminEmail());
		assertThat(changes.toString()).doesNotContain("argon2");
	}

	@Test
	void leavesNoEventWhenTheBusinessTransactionRollsBack() {
		TestTenant tenant = Tenants.newTenant(onboarding);
		long before = headSeq(tenant);

		UUID userId = TenantContext.call(tenant.id(), () -> transactions.execute(status -> {
			var user = identity.invite(new NewUser("rolled-back@" + tenant.slug() + ".example", "Rolled Back",
					Tier.EMPLOYEE, List.of("VIEWER"), null));
			status.setRollbackOnly();
			return user.id().value();
		}));

		assertThat(headSeq(tenant)).isEqualTo(before);
		assertThat(TenantContext.call(tenant.id(),
				() -> audit.list(new AuditQuery(null, userId.toString(), null, null, null, null), null, null).items()))
			.isEmpty();
		assertThat(TenantContext.call(tenant.id(), audit::verify).valid()).isTrue();
	}

	@Test
	void keepsEveryChainGaplessUnderConcurrentWritersInManyTenants() throws Exception {
		int tenants = 4;
		int writersPerTenant = 16;
		List<TestTenant> all = new ArrayList<>();
		Map<TestTenant, String> tokens = new HashMap<>();
		Map<TestTenant, Long> startSeq = new HashMap<>();
		for (int t = 0; t < tenants; t++) {
			TestTenant tenant = Tenants.newTenant(onboarding);
			all.add(tenant);
			tokens.put(tenant, api.login(tenant.slug(), tenant.adminEmail(), Tenants.PASSWORD).access());
			startSeq.put(tenant, headSeq(tenant));
		}
		ExecutorService pool = Executors.newFixedThreadPool(32);
		List<Future<String>> writes = new ArrayList<>();
		try {
			for (TestTenant tenant : all) {
				for (int w = 0; w < writersPerTenant; w++) {
					String name = "Writer " + w;
					writes.add(pool.submit(() -> {
						var created = api.post("/api/v1/customers", Map.of("name", name), tokens.get(tenant));
						assertThat(created.status()).isEqualTo(201);
						var updated = api.patch("/api/v1/customers/" + created.text("id"),
								Map.of("name", name + " (renamed)", "version", 0), tokens.get(tenant));
						assertThat(updated.status()).isEqualTo(200);
						return created.text("id");
					}));
				}
			}
			for (Future<String> write : writes) {
				write.get(60, TimeUnit.SECONDS);
			}
		}
		finally {
			pool.shutdownNow();
		}

		for (TestTenant tenant : all) {
			Verification verification = TenantContext.call(tenant.id(), audit::verify);
			assertThat(verification.valid()).as(verification.toString()).isTrue();
			long written = headSeq(tenant) - startSeq.get(tenant);
			assertThat(written).isEqualTo(2L * writersPerTenant);
			List<Map<String, Object>> perRecord = TenantContext.call(tenant.id(),
					() -> transactions.execute(status -> jdbc.queryForList(
							"select entity_id, count(*) as n, count(*) filter (where action = 'create') as creates "
									+ "from audit_event where entity_type = 'customer' group by entity_id")));
			assertThat(perRecord).hasSize(writersPerTenant).allSatisfy(row -> {
				assertThat(((Number) row.get("n")).longValue()).isEqualTo(2);
				assertThat(((Number) row.get("creates")).longValue()).isEqualTo(1);
			});
			List<Long> seqs = TenantContext.call(tenant.id(), () -> transactions
				.execute(status -> jdbc.queryForList("select seq from audit_event order by seq", Long.class)));
			for (int i = 0; i < seqs.size(); i++) {
				assertThat(seqs.get(i)).isEqualTo(i + 1L);
			}
		}
	}

	@Test
	void applicationRoleCannotUpdateOrDeleteAuditEvents() {
		TestTenant tenant = Tenants.newTenant(onboarding);

		assertThatThrownBy(() -> TenantContext.run(tenant.id(),
				() -> transactions
					.executeWithoutResult(status -> jdbc.update("update audit_event set action = 'nothing happened'"))))
			.isInstanceOf(DataAccessException.class)
			.rootCause()
			.hasMessageContaining("permission denied");
		assertThatThrownBy(() -> TenantContext.run(tenant.id(),
				() -> transactions.executeWithoutResult(status -> jdbc.update("delete from audit_event"))))
			.isInstanceOf(DataAccessException.class)
			.rootCause()
			.hasMessageContaining("permission denied");
		assertThat(headSeq(tenant)).isPositive();
	}

	@Test
	void triggerRefusesUpdateAndDeleteEvenForTheSuperuser() throws Exception {
		TestTenant tenant = Tenants.newTenant(onboarding);
		try (Connection c = DatabaseSuperuser.connect(context); Statement s = c.createStatement()) {
			assertThatThrownBy(() -> s
				.executeUpdate("update audit_event set action = 'x' where tenant_id = '" + tenant.id() + "'"))
				.hasMessageContaining("append-only");
			assertThatThrownBy(() -> s.executeUpdate("delete from audit_event where tenant_id = '" + tenant.id() + "'"))
				.hasMessageContaining("append-only");
			assertThatThrownBy(() -> s.executeUpdate("truncate audit_event cascade"))
				.hasMessageContaining("append-only");
		}
	}

	private long headSeq(TestTenant tenant) {
		return TenantContext.call(tenant.id(), () -> transactions.execute(
				status -> jdbc.queryForList("select seq from audit_head", Long.class).stream().findFirst().orElse(0L)));
	}

}
