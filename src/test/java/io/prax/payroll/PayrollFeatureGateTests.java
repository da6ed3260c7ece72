package io.prax.payroll;

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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The feature gates of payroll: with {@code employees} switched off the employee API and
 * pages answer 403 {@code feature_disabled}; with {@code payslips} switched off the
 * payslip and payroll-run API and pages, and self-service (/me/payslips), do too. Even
 * for the tenant's administrator, whatever the roles say.
 */
@PraxIntegrationTest
class PayrollFeatureGateTests {

	@LocalServerPort
	int port;

	@Autowired
	Onboarding onboarding;

	@Autowired
	UserLifecycle identity;

	Api api;

	TestTenant tenant;

	String admin;

	String staff;

	String employeeId;

	String payslipId;

	String runId;

	@BeforeEach
	void payrollWithOneEmployee() {
		api = new Api(port);
		tenant = Tenants.newTenant(onboarding);
		admin = api.login(tenant.slug(), tenant.adminEmail(), Tenants.PASSWORD).access();
		UserAccount user = Tenants.newUser(identity, tenant, Tier.EMPLOYEE, List.of(), null);
		var employee = api.post("/api/v1/employees",
				Map.of("employeeCode", "G-1", "name", "Gated", "hireDate", "2020-01-01", "userId",
						user.id().value().toString(), "salary", Map.of("currency", "EUR", "components",
								List.of(Map.of("name", "Base", "kind", "EARNING", "amount", "1000")))),
				admin);
		assertThat(employee.status()).as(employee.body()).isEqualTo(201);
		employeeId = employee.text("id");
		var run = api.post("/api/v1/payroll-runs", Map.of("periodStart", "2026-01-01", "periodEnd", "2026-01-31"),
				admin);
		runId = run.text("id");
		assertThat(api.post("/api/v1/payroll-runs/" + runId + "/finalize", null, admin).status()).isEqualTo(200);
		payslipId = run.json().get("payslips").get(0).get("payslipId").asString();
		staff = api.login(tenant.slug(), user.email(), Tenants.PASSWORD).access();
		assertThat(api.get("/api/v1/me/payslips/" + payslipId, staff).status()).isEqualTo(200);
	}

	@Test
	void employeesSwitchedOffAnswerFeatureDisabledForTheEmployeeApiAndPages() {
		gates(Map.of("modules", Map.of("employees", Map.of("enabled", false))));

		List<Api.Response> answers = List.of(api.get("/api/v1/employees", admin),
				api.get("/api/v1/employees/" + employeeId, admin),
				api.post("/api/v1/employees",
						Map.of("employeeCode", "G-2", "name", "New", "hireDate", "2020-01-01", "salary",
								Map.of("currency", "EUR")),
						admin),
				api.patch("/api/v1/employees/" + employeeId, Map.of("version", 0, "name", "Renamed"), admin),
				api.delete("/api/v1/employees/" + employeeId, Map.of("reason", "gone"), admin));
		assertThat(answers).allSatisfy(answer -> {
			assertThat(answer.status()).as(answer.body()).isEqualTo(403);
			assertThat(answer.code()).isEqualTo("feature_disabled");
		});
		for (String page : List.of("/employees", "/employees/" + employeeId, "/employees/new",
				"/employees/" + employeeId + "/edit")) {
			assertThat(api.page(page, admin).status()).as(page).isEqualTo(403);
		}
		assertThat(api.page("/", admin).body()).doesNotContain("href=\"/employees\"");

		// payslips are their own module: they and self-service stay on
		assertThat(api.get("/api/v1/payslips/" + payslipId, admin).status()).isEqualTo(200);
		assertThat(api.get("/api/v1/me/payslips", staff).json().get("items")).hasSize(1);
		assertThat(api.page("/me/payslips", staff).status()).isEqualTo(200);
		assertThat(api.page("/", staff).body()).contains("href=\"/me/payslips\"");
	}

	@Test
	void payslipsSwitchedOffAnswerFeatureDisabledForPayslipsRunsAndSelfService() {
		gates(Map.of("modules", Map.of("payslips", Map.of("enabled", false))));

		List<Api.Response> answers = List.of(api.get("/api/v1/payslips?employeeId=" + employeeId, admin),
				api.get("/api/v1/payslips/" + payslipId, admin),
				api.get("/api/v1/payslips/" + payslipId + "/pdf", admin),
				api.post("/api/v1/payslips",
						Map.of("employeeId", employeeId, "periodStart", "2026-02-01", "periodEnd", "2026-02-28"),
						admin),
				api.post("/api/v1/payslips", Map.of("corrects", payslipId), admin),
				api.get("/api/v1/payroll-runs", admin), api.get("/api/v1/payroll-runs/" + runId, admin),
				api.post("/api/v1/payroll-runs", Map.of("periodStart", "2026-02-01", "periodEnd", "2026-02-28"), admin),
				api.get("/api/v1/me/payslips", staff), api.get("/api/v1/me/payslips/" + payslipId, staff),
				api.get("/api/v1/me/payslips/" + payslipId + "/pdf", staff), api.get("/api/v1/me/payslips", admin));
		assertThat(answers).allSatisfy(answer -> {
			assertThat(answer.status()).as(answer.body()).isEqualTo(403);
			assertThat(answer.code()).isEqualTo("feature_disabled");
		});
		for (String page : List.of("/payroll-runs", "/payroll-runs/" + runId, "/payslips/" + payslipId,
				"/payslips/" + payslipId + "/pdf")) {
			assertThat(api.page(page, admin).status()).as(page).isEqualTo(403);
		}
		for (String page : List.of("/me/payslips", "/me/payslips/" + payslipId, "/me/payslips/" + payslipId + "/pdf")) {
			assertThat(api.page(page, staff).status()).as(page).isEqualTo(403);
		}
		assertThat(api.page("/", admin).body()).doesNotContain("Last payroll run");
		// and the menu no longer offers a page that would answer 403
		assertThat(api.page("/", staff).body()).doesNotContain("href=\"/me/payslips\"");
		// employees are their own module
		assertThat(api.get("/api/v1/employees/" + employeeId, admin).status()).isEqualTo(200);

		// nothing was written while switched off
		gates(Map.of("modules", Map.of("payslips", Map.of("enabled", true))));
		assertThat(api.get("/api/v1/payroll-runs", admin).json().get("items")).hasSize(1);
		assertThat(api.get("/api/v1/payslips?employeeId=" + employeeId, admin).json().get("items")).hasSize(1);
	}

	private void gates(Map<String, Object> body) {
		var answer = api.send("PUT", "/api/v1/admin/feature-gates", body, admin);
		assertThat(answer.status()).as(answer.body()).isEqualTo(200);
	}

}
