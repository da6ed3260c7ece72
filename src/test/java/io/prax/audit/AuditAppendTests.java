package io.prax.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.prax.identity.Onboarding;
import io.prax.support.Api;
import io.prax.support.PraxIntegrationTest;
import io.prax.support.Tenants;
import io.prax.support.Tenants.TestTenant;
import io.prax.tenancy.DatabaseSuperuser;
import io.prax.tenancy.TenantContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The append holds a tenant's lock briefly and for that tenant only: the canonical JSON
 * is prepared before the lock and linking under it gives the same checksum as the chain's
 * definition; one tenant's held lock never delays another tenant's audited write.
 */
@PraxIntegrationTest
class AuditAppendTests {

	@LocalServerPort
	int port;

	@Autowired
	Onboarding onboarding;

	@Autowired
	AuditManagement audit;

	@Autowired
	ApplicationContext context;

	final ExecutorService pool = Executors.newFixedThreadPool(2);

	@AfterEach
	void stop() {
		pool.shutdownNow();
	}

	@Test
	void linkingAPreparedEventGivesTheChainsChecksum() {
		ObjectNode changes = CanonicalJson.JSON.createObjectNode();
		changes.putObject("name").put("before", "Ä \"quoted\" \u2028").put("after", 1.5e3);
		changes.putObject("seq").put("before", 1).putNull("after");
		AuditEntry entry = new AuditEntry(
				new AuditEntry.Actor(UUID.randomUUID(), "Zoë", "ADMIN", UUID.randomUUID(), "::1", "agent/1.0"),
				"customer.update", "customer", UUID.randomUUID().toString(), changes, "a reason");
		for (AuditEntry e : java.util.List.of(entry, new AuditEntry(
				new AuditEntry.Actor(null, null, null, null, null, null), "test.minimal", null, null, null, null))) {
			AuditWriter.Prepared prepared = AuditWriter.Prepared.of(UUID.randomUUID(), e,
					AuditRecord.stamp(Instant.parse("2026-12-01T10:00:00.123456789Z")));
			for (long seq : new long[] { 1, 42, 9_007_199_254_740_991L }) {
				AuditRecord linked = prepared.link(seq, "ab".repeat(32));
				assertThat(linked.checksum()).isEqualTo(linked.computedChecksum());
				assertThat(linked.seq()).isEqualTo(seq);
			}
		}
	}

	@Test
	void aTenantsAppendDoesNotWaitForAnotherTenantsLock() throws Exception {
		Api api = new Api(port);
		TestTenant locked = Tenants.newTenant(onboarding);
		TestTenant other = Tenants.newTenant(onboarding);
		String lockedToken = api.login(locked.slug(), locked.adminEmail(), Tenants.PASSWORD).access();
		String otherToken = api.login(other.slug(), other.adminEmail(), Tenants.PASSWORD).access();

		try (Connection c = DatabaseSuperuser.connect(context)) {
			c.setAutoCommit(false);
			try (PreparedStatement lock = c
				.prepareStatement("select seq from audit_head where tenant_id = ? for update")) {
				lock.setObject(1, locked.id().value());
				assertThat(lock.executeQuery().next()).isTrue();
			}
			Future<Integer> blocked = pool
				.submit(() -> api.post("/api/v1/customers", Map.of("name", "Waits"), lockedToken).status());
			Future<Integer> free = pool
				.submit(() -> api.post("/api/v1/customers", Map.of("name", "Free"), otherToken).status());

			assertThat(free.get(10, TimeUnit.SECONDS)).isEqualTo(201);
			assertThatThrownBy(() -> blocked.get(1, TimeUnit.SECONDS)).isInstanceOf(TimeoutException.class);
			c.rollback();
			assertThat(blocked.get(20, TimeUnit.SECONDS)).isEqualTo(201);
		}
		assertThat(TenantContext.call(locked.id(), audit::verify).valid()).isTrue();
		assertThat(TenantContext.call(other.id(), audit::verify).valid()).isTrue();
	}

}
