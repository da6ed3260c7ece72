package io.prax.session;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import javax.sql.DataSource;

import io.prax.PraxApplication;
import io.prax.identity.UserLifecycle;
import io.prax.identity.Onboarding;
import io.prax.identity.Tier;
import io.prax.identity.UserAccount;
import io.prax.platform.NodeCaches;
import io.prax.support.Api;
import io.prax.support.PraxIntegrationTest;
import io.prax.support.Tenants;
import io.prax.support.Tenants.TestTenant;
import io.prax.support.TestDataDirectory;
import io.prax.tenancy.DatabaseSuperuser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The request path's per-node caches (verified tokens, session liveness, users and
 * tenants, access facts) on two nodes of one database: once both nodes have cached a
 * caller, a revoked session, a removed role, a removed override, a gate switched off or a
 * deactivated user is refused on the node that made the change at its very next request,
 * and on the other within the notice's delay.
 */
@PraxIntegrationTest
class CachesAcrossNodesTests {

	static ConfigurableApplicationContext nodeB;

	@LocalServerPort
	int port;

	@Autowired
	Onboarding onboarding;

	@Autowired
	UserLifecycle identity;

	@Autowired
	ApplicationContext nodeA;

	Api a;

	Api b;

	TestTenant tenant;

	String admin;

	@BeforeAll
	static void startSecondNode() {
		nodeB = new SpringApplicationBuilder(PraxApplication.class).run("--server.port=0",
				"--prax.data-dir=" + TestDataDirectory.path(), "--prax.public-url=http://localhost",
				"--prax.mail.dispatch-interval=1h", "--prax.sessions.last-seen-flush=1h",
				"--prax.mfa.required-by-default=false");
	}

	@AfterAll
	static void stopSecondNode() {
		if (nodeB != null) {
			nodeB.close();
		}
	}

	@BeforeEach
	void nodes() {
		a = new Api(port);
		b = new Api(Integer.parseInt(nodeB.getEnvironment().getProperty("local.server.port")));
		tenant = Tenants.newTenant(onboarding);
		await(listenerB()::healthy, Duration.ofSeconds(10));
		await(nodeA.getBean(SessionRevocationListener.class)::healthy, Duration.ofSeconds(10));
		admin = a.login(tenant.slug(), tenant.adminEmail(), Tenants.PASSWORD).access();
	}

	@Test
	void aRevokedSessionIsRefusedOnBothNodes() {
		Api.Tokens tokens = a.login(tenant.slug(), tenant.adminEmail(), Tenants.PASSWORD);
		warm(tokens.access());

		assertThat(b.post("/api/v1/auth/logout", null, tokens.access()).status()).isEqualTo(204);

		assertThat(b.get("/api/v1/customers", tokens.access()).code()).isEqualTo("session_revoked");
		assertRefusedWithinOneSecond(a, tokens.access(), 401);
	}

	@Test
	void aRemovedRoleIsRefusedOnBothNodes() {
		UserAccount user = Tenants.newUser(identity, tenant, Tier.EMPLOYEE, List.of("VIEWER"), null);
		String token = signIn(user);
		warm(token);

		assertThat(a.patch("/api/v1/admin/users/" + user.id(), Map.of("roles", List.of()), admin).status())
			.isEqualTo(200);

		assertThat(a.get("/api/v1/customers", token).status()).isEqualTo(403);
		assertRefusedWithinOneSecond(b, token, 403);
	}

	@Test
	void aRemovedOverrideIsRefusedOnBothNodes() {
		UserAccount user = Tenants.newUser(identity, tenant, Tier.EMPLOYEE, List.of(), null);
		assertThat(a
			.send("PUT", "/api/v1/admin/users/" + user.id() + "/overrides",
					Map.of("grants", List.of("customers:view"), "revocations", List.of()), admin)
			.status()).isEqualTo(200);
		String token = signIn(user);
		warm(token);

		assertThat(b
			.send("PUT", "/api/v1/admin/users/" + user.id() + "/overrides",
					Map.of("grants", List.of(), "revocations", List.of()), admin)
			.status()).isEqualTo(200);

		assertThat(b.get("/api/v1/customers", token).status()).isEqualTo(403);
		assertRefusedWithinOneSecond(a, token, 403);
	}

	@Test
	void aGateSwitchedOffIsRefusedOnBothNodes() {
		String token = signIn(Tenants.newUser(identity, tenant, Tier.EMPLOYEE, List.of("VIEWER"), null));
		warm(token);

		assertThat(a
			.send("PUT", "/api/v1/admin/feature-gates",
					Map.of("modules", Map.of("customers", Map.of("enabled", false))), admin)
			.status()).isEqualTo(200);

		assertThat(a.get("/api/v1/customers", token).code()).isEqualTo("feature_disabled");
		assertRefusedWithinOneSecond(b, token, 403);
	}

	/**
	 * Deactivated in the database directly, so no session is revoked and no application
	 * code runs: only the table's change notice can make the nodes forget the cached
	 * user.
	 */
	@Test
	void aUserDeactivatedInTheDatabaseIsRefusedOnBothNodes() throws Exception {
		UserAccount user = Tenants.newUser(identity, tenant, Tier.EMPLOYEE, List.of("VIEWER"), null);
		String token = signIn(user);
		warm(token);

		superuserUpdate("update app_user set status = 'DEACTIVATED' where tenant_id = ? and id = ?",
				tenant.id().value(), user.id().value());

		assertRefusedWithinOneSecond(a, token, 401);
		assertRefusedWithinOneSecond(b, token, 401);
	}

	/**
	 * A change while B's notice connection is cut is never served from B's cache (fail
	 * safe).
	 */
	@Test
	void aChangeWhileTheChannelIsDownIsNotServedFromTheCache() throws Exception {
		UserAccount user = Tenants.newUser(identity, tenant, Tier.EMPLOYEE, List.of("VIEWER"), null);
		String token = signIn(user);
		warm(token);
		SessionRevocationListener listener = listenerB();
		long connectionsBefore = listener.connections();

		Integer terminated = new JdbcTemplate(nodeB.getBean(DataSource.class)).queryForObject(
				"select count(*) from (select pg_terminate_backend(pid) from pg_stat_activity where application_name = ?) t",
				Integer.class, listener.applicationName());
		assertThat(terminated).isEqualTo(1);
		superuserUpdate("update app_user set roles = '{}' where tenant_id = ? and id = ?", tenant.id().value(),
				user.id().value());

		assertRefusedWithinOneSecond(b, token, 403);
		await(() -> listener.connections() > connectionsBefore && listener.healthy(), Duration.ofSeconds(10));
		assertThat(b.get("/api/v1/customers", token).status()).isEqualTo(403);
	}

	/**
	 * Both nodes verify the token, find the session, the user and the facts, and cache
	 * them.
	 */
	private void warm(String token) {
		for (Api node : List.of(a, b, a, b)) {
			assertThat(node.get("/api/v1/customers", token).status()).isEqualTo(200);
		}
		assertThat(nodeA.getBean(NodeCaches.class).entries()).isPositive();
		assertThat(nodeB.getBean(NodeCaches.class).entries()).isPositive();
	}

	private String signIn(UserAccount user) {
		return a.login(tenant.slug(), user.email(), Tenants.PASSWORD).access();
	}

	private void superuserUpdate(String sql, UUID tenantId, UUID userId) throws Exception {
		try (Connection c = DatabaseSuperuser.connect(nodeA); PreparedStatement update = c.prepareStatement(sql)) {
			update.setObject(1, tenantId);
			update.setObject(2, userId);
			assertThat(update.executeUpdate()).isEqualTo(1);
		}
	}

	private static void assertRefusedWithinOneSecond(Api node, String token, int status) {
		long deadline = System.nanoTime() + Duration.ofSeconds(1).toNanos();
		Api.Response response;
		do {
			response = node.get("/api/v1/customers", token);
		}
		while (response.status() == 200 && System.nanoTime() < deadline);
		assertThat(response.status()).isEqualTo(status);
	}

	private static SessionRevocationListener listenerB() {
		return nodeB.getBean(SessionRevocationListener.class);
	}

	private static void await(BooleanSupplier condition, Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("Condition not met within " + timeout);
			}
			try {
				Thread.sleep(20);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new AssertionError(ex);
			}
		}
	}

}
