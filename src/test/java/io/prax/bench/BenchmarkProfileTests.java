package io.prax.bench;

import java.util.Map;

import io.prax.support.Api;
import io.prax.support.PraxIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The benchmark's own tools, on a small data set: the baselines read and write the same
 * row as the API, the bulk audit chain is one the real verifier accepts, and the bulk
 * customers are listed.
 */
@PraxIntegrationTest
@ActiveProfiles("benchmark")
class BenchmarkProfileTests {

	private static final String PASSWORD = "correct horse battery staple";

	@LocalServerPort
	int port;

	@Test
	void baselinesAndBulkDataWork() {
		Api api = new Api(port);
		JsonNode workspace = api
			.post("/bench/data/workspaces",
					Map.of("slug", "bench-test", "adminEmail", "admin@bench-test.example", "password", PASSWORD,
							"users", 3),
					null)
			.json();
		assertThat(workspace.get("users").asLong()).isEqualTo(3);
		String tenant = workspace.get("tenantId").asString();
		String admin = api.login("bench-test", "admin@bench-test.example", PASSWORD).access();
		assertThat(api.login("bench-test", "user3@bench-test.example", PASSWORD).access()).isNotBlank();

		Api.Response created = api.post("/api/v1/customers", Map.of("name", "Same Row Ltd", "email", "a@b.example"),
				admin);
		String baseline = "/bench/baseline/tenants/" + tenant + "/customers";
		Api.Response read = api.get(baseline + "/" + created.text("id"), null);
		assertThat(read.status()).isEqualTo(200);
		assertThat(read.json()).isEqualTo(api.get("/api/v1/customers/" + created.text("id"), admin).json());
		Api.Response throughService = api.get(baseline + "/" + created.text("id") + "/through-service", null);
		assertThat(throughService.status()).isEqualTo(200);
		assertThat(throughService.json()).isEqualTo(read.json());
		Api.Response inserted = api.post(baseline, Map.of("name", "Plain Insert Ltd"), null);
		assertThat(inserted.status()).isEqualTo(201);
		assertThat(api.get("/api/v1/customers/" + inserted.text("id"), admin).text("name"))
			.isEqualTo("Plain Insert Ltd");

		assertThat(api
			.post("/bench/data/audit-events?slug=bench-test&actor=" + workspace.get("adminId").asString()
					+ "&count=25000", null, null)
			.status()).isEqualTo(200);
		api.post("/api/v1/customers", Map.of("name", "After The Bulk Chain"), admin);
		JsonNode verification = api.get("/api/v1/audit/verify", admin).json();
		assertThat(verification.get("valid").asBoolean()).as(verification.toString()).isTrue();
		assertThat(verification.get("checkedEvents").asLong()).isGreaterThan(25_000);

		assertThat(api.post("/bench/data/customers?slug=bench-test&count=2000", null, null).json().get("rows").asLong())
			.isEqualTo(2000);
		assertThat(api.get("/api/v1/customers?q=harbor&limit=5", admin).json().get("items")).hasSize(5);
		assertThat(api.get("/bench/data/plans?slug=bench-test&term=harbor", null).json().properties()).hasSize(4);
	}

}
