package io.prax.session;

import java.time.Duration;
import java.util.function.BooleanSupplier;

import javax.sql.DataSource;

import io.prax.PraxApplication;
import io.prax.identity.Onboarding;
import io.prax.support.Api;
import io.prax.support.PraxIntegrationTest;
import io.prax.support.Tenants;
import io.prax.support.Tenants.TestTenant;
import io.prax.support.TestDataDirectory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two application nodes on one database: a session revoked on node A is refused by node B
 * at its very next request, also after B's notification connection was cut and
 * re-established.
 */
@PraxIntegrationTest
class RevocationAcrossNodesTests {

	static ConfigurableApplicationContext nodeB;

	@LocalServerPort
	int port;

	@Autowired
	Onboarding onboarding;

	Api a;

	Api b;

	TestTenant tenant;

	@BeforeAll
	static void startSecondNode() {
		nodeB = new SpringApplicationBuilder(PraxApplication.class).run("--server.port=0",
				"--prax.data-dir=" + TestDataDirectory.path(), "--prax.public-url=http://localhost",
				"--prax.mail.dispatch-interval=1h");
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
	}

	@Test
	void refusesOnOtherNodeAtOnceAfterLogout() {
		Api.Tokens tokens = a.login(tenant.slug(), tenant.adminEmail(), Tenants.PASSWORD);
		assertThat(b.get("/api/v1/me", tokens.access()).status()).isEqualTo(200);
		assertThat(b.get("/api/v1/me", tokens.access()).status()).isEqualTo(200);
		assertThat(nodeB.getBean(SessionLiveness.class).liveEntries()).isPositive();

		assertThat(a.post("/api/v1/auth/logout", null, tokens.access()).status()).isEqualTo(204);

		assertRefusedByBWithinOneSecond(tokens);
	}

	@Test
	void failsClosedWhileTheChannelIsDownAndRecovers() {
		SessionRevocationListener listener = listenerB();
		long connectionsBefore = listener.connections();
		Api.Tokens first = a.login(tenant.slug(), tenant.adminEmail(), Tenants.PASSWORD);
		assertThat(b.get("/api/v1/me", first.access()).status()).isEqualTo(200);

		// Cut B's listening connection, then revoke on A while B may not be listening.
		Integer terminated = new JdbcTemplate(nodeB.getBean(DataSource.class)).queryForObject(
				"select count(*) from (select pg_terminate_backend(pid) from pg_stat_activity where application_name = ?) t",
				Integer.class, listener.applicationName());
		assertThat(terminated).isEqualTo(1);
		assertThat(a.post("/api/v1/auth/logout", null, first.access()).status()).isEqualTo(204);
		assertRefusedByBWithinOneSecond(first);

		// Once re-established, nothing cached from before the outage is trusted, and
		// notifications flow again.
		await(() -> listener.connections() > connectionsBefore && listener.healthy(), Duration.ofSeconds(10));
		assertThat(b.get("/api/v1/me", first.access()).code()).isEqualTo("session_revoked");
		Api.Tokens second = a.login(tenant.slug(), tenant.adminEmail(), Tenants.PASSWORD);
		assertThat(b.get("/api/v1/me", second.access()).status()).isEqualTo(200);
		assertThat(b.get("/api/v1/me", second.access()).status()).isEqualTo(200);
		assertThat(a.post("/api/v1/auth/logout", null, second.access()).status()).isEqualTo(204);
		assertRefusedByBWithinOneSecond(second);
	}

	private void assertRefusedByBWithinOneSecond(Api.Tokens tokens) {
		long deadline = System.nanoTime() + Duration.ofSeconds(1).toNanos();
		Api.Response response;
		do {
			response = b.get("/api/v1/me", tokens.access());
		}
		while (response.status() == 200 && System.nanoTime() < deadline);
		assertThat(response.status()).isEqualTo(401);
		assertThat(response.code()).isEqualTo("session_revoked");
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
