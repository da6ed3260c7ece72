package io.prax.audit;

import java.util.List;
import java.util.Map;

import io.prax.identity.UserLifecycle;
import io.prax.identity.Onboarding;
import io.prax.identity.Tier;
import io.prax.identity.UserAccount;
import io.prax.support.Api;
import io.prax.support.PraxIntegrationTest;
import io.prax.support.Tenants;
import io.prax.support.Tenants.TestTenant;
import io.prax.tenancy.TenantContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Access-control changes, settings changes and refresh-token theft are security events in
 * the chain, attributed to the administrator's session.
 */
@PraxIntegrationTest
class AccessAuditTests {

	@LocalServerPort
	int port;

	@Autowired
	Onboarding onboarding;

	@Autowired
	UserLifecycle identity;

	@Autowired
	AuditManagement audit;

	Api api;

	TestTenant tenant;

	Api.Tokens admin;

	@BeforeEach
	void setUp() {
		api = new Api(port);
		tenant = Tenants.newTenant(onboarding);
		admin = api.login(tenant.slug(), tenant.adminEmail(), Tenants.PASSWORD);
	}

	@Test
	void recordsRoleOverrideGateAndDeactivationChanges() {
		UserAccount user = Tenants.newUser(identity, tenant, Tier.EMPLOYEE, List.of("VIEWER"), null);

		String role = api
			.post("/api/v1/admin/roles", Map.of("name", "Sales", "permissions", List.of("customers:view")),
					admin.access())
			.text("id");
		api.send("PUT", "/api/v1/admin/users/" + user.id() + "/overrides",
				Map.of("grants", List.of("invoices:view"), "revocations", List.of()), admin.access());
		api.send("PUT", "/api/v1/admin/feature-gates",
				Map.of("modules", Map.of("invoices", Map.of("actions", Map.of("delete", false)))), admin.access());
		api.delete("/api/v1/admin/users/" + user.id(), null, admin.access());

		assertThat(events("create")).extracting(AuditEventView::entityType)
			.contains("role", "user_access", "feature_gate");
		AuditEventView roleCreated = events("create").stream()
			.filter(e -> e.entityId().equals(role))
			.findFirst()
			.orElseThrow();
		assertThat(roleCreated.actorId()).isEqualTo(tenant.admin().id().value());
		assertThat(roleCreated.sessionId()).hasToString(admin.sessionId());
		assertThat(roleCreated.changes().toString()).contains("customers:view");
		assertThat(events("update")).anySatisfy(e -> {
			assertThat(e.entityType()).isEqualTo("user");
			assertThat(e.changes().get("status").get("after").asString()).isEqualTo("DEACTIVATED");
		});
		assertThat(events("session.revoked").stream().map(AuditEventView::reason)).doesNotContainNull();
	}

	@Test
	void recordsSecuritySettingsChanges() {
		var changed = api.send("PUT", "/api/v1/admin/security-settings",
				Map.of("sessions", Map.of("idleTimeoutMinutes", 60)), admin.access());
		assertThat(changed.status()).as(changed.body()).isEqualTo(200);

		List<AuditEventView> events = events("settings.security_changed");
		assertThat(events).hasSize(1);
		assertThat(events.get(0).changes().get("idleTimeoutMinutes").get("after").asInt()).isEqualTo(60);
		assertThat(events.get(0).actorId()).isEqualTo(tenant.admin().id().value());
	}

	@Test
	void recordsRefreshTokenReuseAsTheftThatEndedTheSession() {
		api.post("/api/v1/auth/refresh", Map.of("refreshToken", admin.refresh()), null);
		// Past the allowance for parallel requests of one client (issue 8), a replay is
		// theft.
		TenantContext.run(tenant.id(),
				() -> transactions.executeWithoutResult(status -> jdbc.update(
						"update refresh_token set used_at = used_at - interval '11 seconds' where used_at is not null "
								+ "and session_id = ?::uuid",
						admin.sessionId())));

		api.post("/api/v1/auth/refresh", Map.of("refreshToken", admin.refresh()), null);

		assertThat(events("session.revoked")).anySatisfy(e -> {
			assertThat(e.reason()).isEqualTo("refresh_token_reuse");
			assertThat(e.entityId()).isEqualTo(admin.sessionId());
			assertThat(e.ip()).isNotBlank();
		});
		assertThat(TenantContext.call(tenant.id(), audit::verify).valid()).isTrue();
	}

	@Autowired
	org.springframework.jdbc.core.JdbcTemplate jdbc;

	@Autowired
	org.springframework.transaction.support.TransactionTemplate transactions;

	private List<AuditEventView> events(String action) {
		return TenantContext.call(tenant.id(),
				() -> audit.list(new AuditQuery(null, null, null, action, null, null), null, null).items());
	}

}
