package io.prax.payroll;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.prax.identity.Onboarding;
import io.prax.support.Api;
import io.prax.support.PraxIntegrationTest;
import io.prax.support.Tenants;
import io.prax.support.Tenants.TestTenant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Soft delete of payroll records through the entities' {@code @SQLRestriction}: a deleted
 * employee or draft payslip is gone from every read, list and run, yet kept (with who and
 * why) for the audit log.
 */
@PraxIntegrationTest
class PayrollSoftDeleteTests {

	@LocalServerPort
	int port;

	@Autowired
	Onboarding onboarding;

	Api api;

	TestTenant tenant;

	String token;

	@BeforeEach
	void signedInAdmin() {
		api = new Api(port);
		tenant = Tenants.newTenant(onboarding);
		token = api.login(tenant.slug(), tenant.adminEmail(), Tenants.PASSWORD).access();
	}

	String employee(String code) {
		var created = api.post("/api/v1/employees",
				Map.of("employeeCode", code, "name", "Deletable " + code, "hireDate", "2020-01-01", "salary",
						Map.of("currency", "EUR", "components",
								List.of(Map.of("name", "Base", "kind", "EARNING", "amount", "1000")))),
				token);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.text("id");
	}

	@Test
	void aDeletedEmployeeIsGoneFromReadsListsAndRunsAndTheirCodeIsFreeAgain() {
		String gone = employee("D-1");
		String kept = employee("D-2");

		var deleted = api.delete("/api/v1/employees/" + gone, Map.of("reason", "Left before starting"), token);
		assertThat(deleted.status()).as(deleted.body()).isEqualTo(204);

		assertThat(api.get("/api/v1/employees/" + gone, token).status()).isEqualTo(404);
		assertThat(api.page("/employees/" + gone, token).status()).isEqualTo(404);
		assertThat(api.page("/employees/" + gone + "/edit", token).status()).isEqualTo(404);
		assertThat(ids(api.get("/api/v1/employees", token).json())).containsExactly(kept);
		assertThat(ids(api.get("/api/v1/employees?q=D-1", token).json())).isEmpty();
		assertThat(api.page("/employees", token).body()).doesNotContain("Deletable D-1").contains("Deletable D-2");
		assertThat(api
			.post("/api/v1/payslips",
					Map.of("employeeId", gone, "periodStart", "2026-01-01", "periodEnd", "2026-01-31"), token)
			.status()).isEqualTo(400);
		var run = api.post("/api/v1/payroll-runs", Map.of("periodStart", "2026-01-01", "periodEnd", "2026-01-31"),
				token);
		assertThat(run.json().get("employeeCount").asInt()).isEqualTo(1);
		assertThat(run.json().get("payslips").get(0).get("employeeId").asString()).isEqualTo(kept);
		// the code may be used again, and the row is kept with who deleted it and why
		employee("D-1");
		assertThat(api.get("/api/v1/audit?entityType=employee&entityId=" + gone, token).body())
			.contains("Left before starting");
	}

	@Test
	void anEmployeeWithDraftPayslipsCannotBeDeleted() {
		String id = employee("D-3");
		var draft = api.post("/api/v1/payslips",
				Map.of("employeeId", id, "periodStart", "2026-01-01", "periodEnd", "2026-01-31"), token);
		assertThat(draft.status()).isEqualTo(201);

		var refused = api.delete("/api/v1/employees/" + id, Map.of("reason", "Duplicate record"), token);
		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.code()).isEqualTo("employee_has_drafts");
		assertThat(api.get("/api/v1/employees/" + id, token).status()).isEqualTo(200);
		assertThat(api.get("/api/v1/payslips/" + draft.text("id"), token).status()).isEqualTo(200);
	}

	@Test
	void aDeletedDraftPayslipIsGoneFromReadsListsAndItsRun() {
		String id = employee("D-4");
		employee("D-5");
		var run = api.post("/api/v1/payroll-runs", Map.of("periodStart", "2026-02-01", "periodEnd", "2026-02-28"),
				token);
		assertThat(run.json().get("employeeCount").asInt()).isEqualTo(2);
		String payslip = null;
		for (JsonNode entry : run.json().get("payslips")) {
			if (entry.get("employeeId").asString().equals(id)) {
				payslip = entry.get("payslipId").asString();
			}
		}

		assertThat(api.delete("/api/v1/payslips/" + payslip, Map.of("reason", "Unpaid leave"), token).status())
			.isEqualTo(204);

		assertThat(api.get("/api/v1/payslips/" + payslip, token).status()).isEqualTo(404);
		assertThat(api.page("/payslips/" + payslip, token).status()).isEqualTo(404);
		assertThat(ids(api.get("/api/v1/payslips?employeeId=" + id, token).json())).isEmpty();
		JsonNode after = api.get("/api/v1/payroll-runs/" + run.text("id"), token).json();
		assertThat(after.get("employeeCount").asInt()).isEqualTo(1);
		assertThat(after.get("payslips").get(0).get("payslipId").asString()).isNotEqualTo(payslip);
		// the employee may be paid for the period again, and may now be deleted
		assertThat(api
			.post("/api/v1/payslips", Map.of("employeeId", id, "periodStart", "2026-02-01", "periodEnd", "2026-02-28"),
					token)
			.status()).isEqualTo(201);
	}

	private static List<String> ids(JsonNode page) {
		List<String> ids = new ArrayList<>();
		page.get("items").forEach(item -> ids.add(item.get("id").asString()));
		return ids;
	}

}
