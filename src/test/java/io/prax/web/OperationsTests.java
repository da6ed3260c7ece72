package io.prax.web;

import io.prax.support.Api;
import io.prax.support.PraxIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.registry.HealthContributorRegistry;
import org.springframework.boot.jdbc.health.DataSourceHealthIndicator;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** Health for load balancers and the published OpenAPI description of the REST API. */
@PraxIntegrationTest
class OperationsTests {

	@LocalServerPort
	int port;

	@Autowired
	HealthContributorRegistry health;

	@Test
	void answersHealthAndReadiness() {
		Api api = new Api(port);

		assertThat(api.get("/actuator/health", null).text("status")).isEqualTo("UP");
		assertThat(api.get("/actuator/health/readiness", null).text("status")).isEqualTo("UP");
	}

	/**
	 * The owner's data source is unpooled: checking it opened a new database connection
	 * on every call.
	 */
	@Test
	void healthChecksOnlyThePooledDataSource() {
		assertThat(health.getContributor("db")).isInstanceOf(DataSourceHealthIndicator.class);
	}

	@Test
	void publishesTheOpenApiDocument() {
		var docs = new Api(port).get("/v3/api-docs", null);

		assertThat(docs.status()).isEqualTo(200);
		assertThat(docs.json().get("paths").propertyNames()).contains("/api/v1/customers", "/api/v1/auth/login",
				"/api/v1/admin/feature-gates", "/api/v1/admin/users/{id}/permissions/explain");
	}

	@Test
	void answersUnknownApiPathsWithAProblem() {
		var missing = new Api(port).get("/api/v1/nothing-here", null);

		assertThat(missing.status()).isIn(401, 404);
		assertThat(missing.raw().headers().firstValue("Content-Type"))
			.hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
	}

}
