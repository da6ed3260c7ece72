package io.prax.audit;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import io.prax.identity.Onboarding;
import io.prax.platform.Ids;
import io.prax.support.Api;
import io.prax.support.PraxIntegrationTest;
import io.prax.support.Tenants;
import io.prax.support.Tenants.TestTenant;
import io.prax.tenancy.TenantContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * F11: every authenticated request is logged, per tenant, in monthly partitions that
 * expire.
 */
@PraxIntegrationTest
class RequestLogTests {

	@LocalServerPort
	int port;

	@Autowired
	Onboarding onboarding;

	@Autowired
	RequestLog requests;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	DataSource dataSource;

	@Test
	void recordsEveryAuthenticatedRequestWithWhoWhereAndHowLong() {
		TestTenant tenant = Tenants.newTenant(onboarding);
		Api api = new Api(port);
		Api.Tokens tokens = api.login(tenant.slug(), tenant.adminEmail(), Tenants.PASSWORD);
		api.get("/api/v1/customers", tokens.access());
		api.get("/api/v1/customers/" + Ids.newId(), tokens.access());
		api.get("/api/v1/customers", null);

		requests.flush();

		List<Map<String, Object>> rows = rows(tenant);
		assertThat(rows).extracting(row -> row.get("method") + " " + row.get("status"))
			.containsExactlyInAnyOrder("GET 200", "GET 404");
		assertThat(rows).extracting(row -> (String) row.get("path")).allMatch(p -> p.startsWith("/api/v1/customers"));
		assertThat(rows).allSatisfy(row -> {
			assertThat(row.get("session_id")).hasToString(tokens.sessionId());
			assertThat(row.get("user_id")).isEqualTo(tenant.admin().id().value());
			assertThat(row.get("ip")).isNotNull();
			assertThat(row.get("user_agent")).isNotNull();
			assertThat(((Number) row.get("duration_ms")).intValue()).isNotNegative();
		});
	}

	@Test
	void boundsTheUserAgentAndPathAClientSends() throws Exception {
		TestTenant tenant = Tenants.newTenant(onboarding);
		Api api = new Api(port);
		Api.Tokens tokens = api.login(tenant.slug(), tenant.adminEmail(), Tenants.PASSWORD);
		java.net.http.HttpClient.newHttpClient()
			.send(java.net.http.HttpRequest
				.newBuilder(
						java.net.URI.create("http://localhost:" + port + "/api/v1/customers?q=" + "p".repeat(2_500)))
				.header("Authorization", "Bearer " + tokens.access())
				.header("User-Agent", "Agent/" + "u".repeat(3_000))
				.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
		requests.write(List.of(new RequestLog.Entry(tenant.id().value(), Instant.now(), Ids.newId(), null, null,
				"i".repeat(1_000), "a".repeat(100_000), "GET", "/" + "q".repeat(100_000), 200, 1)));

		requests.flush();

		List<Map<String, Object>> rows = rows(tenant);
		assertThat(rows).hasSize(2).allSatisfy(row -> {
			assertThat((String) row.get("user_agent")).hasSizeLessThanOrEqualTo(Bounded.USER_AGENT)
				.endsWith(Bounded.MARKER);
			assertThat((String) row.get("path")).hasSizeLessThanOrEqualTo(Bounded.PATH);
			assertThat((String) row.get("ip")).hasSizeLessThanOrEqualTo(Bounded.IP);
		});
	}

	@Test
	void dropsMonthsPastTheRetention() {
		TestTenant tenant = Tenants.newTenant(onboarding);
		LocalDate longAgo = LocalDate.of(2001, 3, 1);
		JdbcTemplate jdbc = new JdbcTemplate(dataSource);
		transactions.executeWithoutResult(status -> requests.partition(longAgo));
		requests.write(List.of(new RequestLog.Entry(tenant.id().value(), Instant.parse("2001-03-15T10:00:00Z"),
				Ids.newId(), null, null, "127.0.0.1", "test", "GET", "/old", 200, 1)));
		assertThat(rows(tenant)).hasSize(1);

		Integer dropped = transactions.execute(status -> requests.dropBefore(Instant.parse("2001-05-01T00:00:00Z")));

		assertThat(dropped).isEqualTo(1);
		assertThat(rows(tenant)).isEmpty();
		assertThat(jdbc.queryForObject("select to_regclass('request_log_2001_03') is null", Boolean.class)).isTrue();
	}

	private List<Map<String, Object>> rows(TestTenant tenant) {
		JdbcTemplate jdbc = new JdbcTemplate(dataSource);
		return TenantContext.call(tenant.id(), () -> transactions.execute(
				status -> jdbc.queryForList("select * from request_log order by occurred_at, path", new Object[0])));
	}

}
