package io.prax.payroll;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.prax.identity.UserLifecycle;
import io.prax.identity.Onboarding;
import io.prax.identity.Tier;
import io.prax.identity.UserAccount;
import io.prax.platform.CanonicalJson;
import io.prax.support.Api;
import io.prax.support.Multipart;
import io.prax.support.PraxIntegrationTest;
import io.prax.support.Tenants;
import io.prax.support.Tenants.TestTenant;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Employees (F2), payslips (F4) and their frozen snapshots (F16) through the REST API.
 */
@PraxIntegrationTest
class PayrollApiTests {

	static final String IBAN = "DE89370400440532013000";
	static final String OTHER_IBAN = "GB82WEST12345698765432";
	static final String TAX_ID = "12/345/67890";

	@LocalServerPort
	int port;

	@Autowired
	Onboarding onboarding;

	@Autowired
	UserLifecycle identity;

	@Autowired
	javax.sql.DataSource dataSource;

	Api api;

	TestTenant tenant;

	String token;

	@BeforeEach
	void signedInAdmin() {
		api = new Api(port);
		tenant = Tenants.newTenant(onboarding);
		token = api.login(tenant.slug(), tenant.adminEmail(), Tenants.PASSWORD).access();
	}

	String designation(String name) {
		var created = api.post("/api/v1/admin/designations", Map.of("name", name, "permissions", List.of()), token);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.text("id");
	}

	Map<String, Object> employee(String code, String designationId, String hireDate) {
		Map<String, Object> body = new HashMap<>();
		body.put("employeeCode", code);
		body.put("name", "Employee " + code);
		body.put("email", code.toLowerCase() + "@staff.example");
		body.put("department", "Engineering");
		body.put("designationId", designationId);
		body.put("hireDate", hireDate);
		body.put("bankAccount", IBAN);
		body.put("taxId", TAX_ID);
		body.put("salary",
				Map.of("currency", "EUR", "components",
						List.of(Map.of("name", "Base salary", "kind", "EARNING", "amount", "3000.00"),
								Map.of("name", "Performance bonus", "kind", "EARNING", "rate", "0.10"),
								Map.of("name", "Income tax", "kind", "DEDUCTION", "rate", "0.2"),
								Map.of("name", "Pension", "kind", "DEDUCTION", "amount", "150.00"))));
		return body;
	}

	String createEmployee(Map<String, Object> body) {
		var created = api.post("/api/v1/employees", body, token);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.text("id");
	}

	static Map<String, Object> company(String name, Long version) {
		Map<String, Object> body = new HashMap<>();
		body.put("name", name);
		body.put("defaultCurrency", "EUR");
		body.put("paymentTermsDays", 14);
		if (version != null) {
			body.put("version", version);
		}
		return body;
	}

	String finalizedPayslip(String employeeId) {
		var draft = api.post("/api/v1/payslips",
				Map.of("employeeId", employeeId, "periodStart", "2026-01-01", "periodEnd", "2026-01-31"), token);
		assertThat(draft.status()).as(draft.body()).isEqualTo(201);
		var finalized = api.post("/api/v1/payslips/" + draft.text("id") + "/finalize", null, token);
		assertThat(finalized.status()).as(finalized.body()).isEqualTo(200);
		return draft.text("id");
	}

	@Test
	void computesAPayslipFromTheSalaryStructure() {
		String id = createEmployee(employee("E-1", designation("Engineer"), "2020-01-01"));
		var draft = api.post("/api/v1/payslips",
				Map.of("employeeId", id, "periodStart", "2026-01-01", "periodEnd", "2026-01-31"), token);
		assertThat(draft.status()).as(draft.body()).isEqualTo(201);
		// 3000 + 10% = 3300 gross; 20% of 3300 = 660 + 150 pension = 810; net 2490
		assertThat(draft.text("grossPay")).isEqualTo("3300.00");
		assertThat(draft.text("totalDeductions")).isEqualTo("810.00");
		assertThat(draft.text("netPay")).isEqualTo("2490.00");
		assertThat(draft.text("status")).isEqualTo("DRAFT");

		var edited = api.patch("/api/v1/payslips/" + draft.text("id"),
				Map.of("version", 0, "adjustments",
						List.of(Map.of("kind", "EARNING", "description", "Conference travel", "amount", "100"))),
				token);
		assertThat(edited.status()).as(edited.body()).isEqualTo(200);
		// base 3100, bonus 310, gross 3410, tax 682 + 150
		assertThat(edited.text("grossPay")).isEqualTo("3410.00");
		assertThat(edited.text("netPay")).isEqualTo("2578.00");
	}

	@Test
	void finalizedPayslipsKeepTheirFrozenValuesWhenMasterDataChanges() throws Exception {
		String engineer = designation("Engineer");
		assertThat(api.send("PUT", "/api/v1/admin/company", company("Frozen Employer GmbH", null), token).status())
			.isEqualTo(200);
		String employeeId = createEmployee(employee("E-2", engineer, "2020-01-01"));
		String payslipId = finalizedPayslip(employeeId);
		JsonNode before = api.get("/api/v1/payslips/" + payslipId, token).json();
		String sha = before.get("snapshotSha256").asString();
		assertThat(sha).isEqualTo(CanonicalJson.sha256(before.get("snapshot").toString()));
		JsonNode events = api.get("/api/v1/audit?entityType=payslip&entityId=" + payslipId + "&action=update", token)
			.json()
			.get("items");
		assertThat(events).anySatisfy(
				event -> assertThat(event.get("changes").get("snapshotSha256").get("after").asString()).isEqualTo(sha));

		String lead = designation("Team lead");
		var changed = api.patch("/api/v1/employees/" + employeeId,
				Map.of("version", 0, "designationId", lead, "bankAccount", OTHER_IBAN, "salary",
						Map.of("currency", "EUR", "components",
								List.of(Map.of("name", "Base salary", "kind", "EARNING", "amount", "9000.00")))),
				token);
		assertThat(changed.status()).as(changed.body()).isEqualTo(200);
		long version = api.get("/api/v1/admin/designations/" + engineer, token).json().get("version").asLong();
		var renamed = api.send("PUT", "/api/v1/admin/designations/" + engineer,
				Map.of("name", "Principal engineer", "permissions", List.of(), "version", version), token);
		assertThat(renamed.status()).as(renamed.body()).isEqualTo(200);
		long companyVersion = api.get("/api/v1/admin/company", token).json().get("version").asLong();
		var company = api.send("PUT", "/api/v1/admin/company", company("Renamed Employer AG", companyVersion), token);
		assertThat(company.status()).as(company.body()).isEqualTo(200);

		JsonNode after = api.get("/api/v1/payslips/" + payslipId, token).json();
		assertThat(after.get("employee").get("designation").asString()).isEqualTo("Engineer");
		assertThat(after.get("employer").get("name").asString()).isEqualTo("Frozen Employer GmbH");
		assertThat(after.get("employee").get("bankAccount").asString()).isEqualTo("•••• 3000");
		assertThat(after.get("grossPay").asString()).isEqualTo("3300.00");
		assertThat(after.get("snapshotSha256").asString()).isEqualTo(sha);
		assertThat(after.get("snapshotIntact").asBoolean()).isTrue();
		assertThat(after.get("snapshot").toString()).isEqualTo(before.get("snapshot").toString());

		var page = api.page("/payslips/" + payslipId, token);
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("Engineer", "•••• 3000", "3300.00", "Frozen Employer GmbH")
			.doesNotContain("Principal", "Team lead", "Renamed Employer");
		assertThat(api.page("/employees/" + employeeId, token).body()).contains("Team lead", OTHER_IBAN);

		String text = pdfText("/api/v1/payslips/" + payslipId + "/pdf", token);
		assertThat(text)
			.contains("2026-01-01 – 2026-01-31", "Engineer", "•••• 3000", "3300.00", "2490.00", "Employee E-2",
					"Year to date 2026", "Frozen Employer GmbH")
			.doesNotContain("Principal", "Team lead", "9000", "5432", "Renamed Employer");
	}

	@Test
	void anExplicitNullClearsTheLeavingDateDesignationAndUserWhileAnAbsentFieldStays() {
		UserAccount staff = Tenants.newUser(identity, tenant, Tier.EMPLOYEE, List.of(), null);
		Map<String, Object> body = employee("E-NULL", designation("Clearable"), "2020-01-01");
		body.put("leavingDate", "2030-06-30");
		body.put("userId", staff.id().value().toString());
		String id = createEmployee(body);

		var unchanged = api.patch("/api/v1/employees/" + id, "{\"version\": 0, \"name\": \"Still Linked\"}", token);
		assertThat(unchanged.status()).as(unchanged.body()).isEqualTo(200);
		JsonNode kept = unchanged.json();
		assertThat(kept.get("leavingDate").asString()).isEqualTo("2030-06-30");
		assertThat(kept.get("designationId").isNull()).isFalse();
		assertThat(kept.get("userId").asString()).isEqualTo(staff.id().value().toString());

		var cleared = api.patch("/api/v1/employees/" + id,
				"{\"version\": 1, \"leavingDate\": null, \"designationId\": null, \"userId\": null}", token);
		assertThat(cleared.status()).as(cleared.body()).isEqualTo(200);
		JsonNode answer = api.get("/api/v1/employees/" + id, token).json();
		assertThat(answer.get("leavingDate").isNull()).as(answer.toString()).isTrue();
		assertThat(answer.get("designationId").isNull()).as(answer.toString()).isTrue();
		assertThat(answer.get("userId").isNull()).as(answer.toString()).isTrue();
		assertThat(answer.get("name").asString()).isEqualTo("Still Linked");
	}

	@Test
	void finalizedPayslipsAreLockedAndCorrectedByANewOne() {
		String employeeId = createEmployee(employee("E-3", designation("Engineer"), "2020-01-01"));
		String payslipId = finalizedPayslip(employeeId);

		var patch = api.patch("/api/v1/payslips/" + payslipId, Map.of("version", 1, "adjustments", List.of()), token);
		assertThat(patch.status()).isEqualTo(423);
		assertThat(patch.code()).isEqualTo("record_locked");
		var delete = api.delete("/api/v1/payslips/" + payslipId, Map.of("reason", "wrong"), token);
		assertThat(delete.status()).isEqualTo(423);
		assertThat(delete.code()).isEqualTo("record_locked");

		var duplicate = api.post("/api/v1/payslips",
				Map.of("employeeId", employeeId, "periodStart", "2026-01-01", "periodEnd", "2026-01-31"), token);
		assertThat(duplicate.status()).isEqualTo(409);

		var correction = api.post("/api/v1/payslips", Map.of("corrects", payslipId), token);
		assertThat(correction.status()).as(correction.body()).isEqualTo(201);
		assertThat(correction.text("corrects")).isEqualTo(payslipId);
		assertThat(correction.text("periodStart")).isEqualTo("2026-01-01");
		var finalized = api.post("/api/v1/payslips/" + correction.text("id") + "/finalize", null, token);
		assertThat(finalized.json().get("snapshot").get("corrects").asString()).isEqualTo(payslipId);
	}

	@Test
	void documentsAttachToEmployeesOfThisTenantOnly() {
		String employeeId = createEmployee(employee("E-DOC", designation("Engineer"), "2020-01-01"));
		byte[] pdf = "%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n"
			.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
		var created = new Multipart().field("recordType", "employee")
			.field("recordId", employeeId)
			.file("file", "Contract.pdf", "application/pdf", pdf)
			.post(port, "/api/v1/documents", token);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		assertThat(created.text("recordType")).isEqualTo("employee");
		var list = api.get("/api/v1/documents?recordType=employee&recordId=" + employeeId, token);
		assertThat(list.json().get("items")).hasSize(1);
		assertThat(api.page("/employees/" + employeeId, token).body()).contains("recordType=employee");

		TestTenant other = Tenants.newTenant(onboarding);
		String otherToken = api.login(other.slug(), other.adminEmail(), Tenants.PASSWORD).access();
		var foreign = new Multipart().field("recordType", "employee")
			.field("recordId", employeeId)
			.file("file", "Contract.pdf", "application/pdf", pdf)
			.post(port, "/api/v1/documents", otherToken);
		assertThat(foreign.status()).as(foreign.body()).isEqualTo(404);
		assertThat(api.get("/api/v1/documents?recordType=employee&recordId=" + employeeId, otherToken).status())
			.isEqualTo(404);
	}

	@Test
	void payslipsAndRunsArePagedByKeyset() {
		String employeeId = createEmployee(employee("E-PAGE", designation("Engineer"), "2020-01-01"));
		for (int month = 1; month <= 5; month++) {
			var draft = api.post(
					"/api/v1/payslips", Map.of("employeeId", employeeId, "periodStart",
							String.format("2025-%02d-01", month), "periodEnd", String.format("2025-%02d-28", month)),
					token);
			assertThat(draft.status()).as(draft.body()).isEqualTo(201);
			var run = api.post("/api/v1/payroll-runs", Map.of("periodStart", String.format("2024-%02d-01", month),
					"periodEnd", String.format("2024-%02d-28", month)), token);
			assertThat(run.status()).as(run.body()).isEqualTo(201);
		}
		// The employee's payslips: five drafted directly and five from the runs.
		Map<String, Integer> expected = Map.of("/api/v1/payslips?employeeId=" + employeeId + "&", 10,
				"/api/v1/payroll-runs?", 5);
		for (String list : expected.keySet()) {
			for (int bad : new int[] { 0, 501 }) {
				var rejected = api.get(list + "limit=" + bad, token);
				assertThat(rejected.status()).isEqualTo(400);
				assertThat(rejected.body()).contains("limit");
			}
			List<String> seen = new ArrayList<>();
			String cursor = null;
			int pages = 0;
			do {
				var page = api.get(list + "limit=2" + (cursor == null ? "" : "&cursor=" + cursor), token);
				assertThat(page.status()).as(page.body()).isEqualTo(200);
				page.json().get("items").forEach(item -> seen.add(item.get("id").asString()));
				JsonNode next = page.json().get("nextCursor");
				cursor = next == null || next.isNull() ? null : next.asString();
				pages++;
			}
			while (cursor != null && pages < 10);
			int total = expected.get(list);
			assertThat(seen).hasSize(total).doesNotHaveDuplicates();
			assertThat(pages).isEqualTo((total + 1) / 2);
		}
	}

	@Test
	void anotherTenantSeesNothing() {
		String employeeId = createEmployee(employee("E-11", designation("Engineer"), "2020-01-01"));
		String payslipId = finalizedPayslip(employeeId);
		TestTenant other = Tenants.newTenant(onboarding);
		String otherToken = api.login(other.slug(), other.adminEmail(), Tenants.PASSWORD).access();
		assertThat(api.get("/api/v1/employees/" + employeeId, otherToken).status()).isEqualTo(404);
		assertThat(api.patch("/api/v1/employees/" + employeeId, Map.of("version", 0, "name", "x"), otherToken).status())
			.isEqualTo(404);
		assertThat(api.get("/api/v1/payslips/" + payslipId, otherToken).status()).isEqualTo(404);
		assertThat(api.get("/api/v1/payslips/" + payslipId + "/pdf", otherToken).status()).isEqualTo(404);
		assertThat(api.page("/employees/" + employeeId, otherToken).status()).isEqualTo(404);
		assertThat(api.get("/api/v1/employees", otherToken).json().get("items")).isEmpty();
	}

	@Test
	void tellsTheEmployeeByMailWithoutAmountsOrBankDetails() {
		String employeeId = createEmployee(employee("E-12", designation("Engineer"), "2020-01-01"));
		String payslipId = finalizedPayslip(employeeId);
		String body = new org.springframework.jdbc.core.JdbcTemplate(dataSource).queryForObject(
				"select body from mail_outbox where recipient = ? order by created_at desc limit 1", String.class,
				"e-12@staff.example");
		assertThat(body).contains("/me/payslips/" + payslipId).doesNotContain("3300.00", IBAN);
	}

	@Test
	void rejectsABadIbanAndADuplicateCode() {
		String designationId = designation("Engineer");
		Map<String, Object> bad = employee("E-4", designationId, "2020-01-01");
		bad.put("bankAccount", "DE89370400440532013001");
		var refused = api.post("/api/v1/employees", bad, token);
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.json().get("errors").has("bankAccount")).as(refused.body()).isTrue();

		createEmployee(employee("E-4", designationId, "2020-01-01"));
		var duplicate = api.post("/api/v1/employees", employee("e-4", designationId, "2020-01-01"), token);
		assertThat(duplicate.status()).isEqualTo(400);
		assertThat(duplicate.json().get("errors").has("employeeCode")).isTrue();
	}

	@Test
	void viewersWithoutEditNeverSeeTheFullBankAccountOrTaxId() throws Exception {
		String employeeId = createEmployee(employee("E-5", designation("Engineer"), "2020-01-01"));
		String payslipId = finalizedPayslip(employeeId);
		assertThat(api.get("/api/v1/employees/" + employeeId, token).text("bankAccount")).isEqualTo(IBAN);

		UserAccount viewer = Tenants.newUser(identity, tenant, Tier.EMPLOYEE, List.of("VIEWER"), null);
		String viewerToken = api.login(tenant.slug(), viewer.email(), Tenants.PASSWORD).access();
		List<String> answers = new ArrayList<>();
		var one = api.get("/api/v1/employees/" + employeeId, viewerToken);
		assertThat(one.status()).isEqualTo(200);
		assertThat(one.text("bankAccount")).isEqualTo("•••• 3000");
		assertThat(one.text("taxId")).isEqualTo("•••• 7890");
		answers.add(one.body());
		answers.add(api.get("/api/v1/employees", viewerToken).body());
		answers.add(api.get("/api/v1/employees?q=E-5", viewerToken).body());
		answers.add(api.get("/api/v1/payslips/" + payslipId, viewerToken).body());
		answers.add(api.get("/api/v1/payslips?employeeId=" + employeeId, viewerToken).body());
		answers.add(api.get("/api/v1/payroll-runs", viewerToken).body());
		answers.add(api.page("/employees/" + employeeId, viewerToken).body());
		answers.add(api.page("/employees", viewerToken).body());
		answers.add(api.page("/payslips/" + payslipId, viewerToken).body());
		for (String answer : answers) {
			assertThat(answer).doesNotContain(IBAN, TAX_ID, "0532013000", "34567890");
		}
		// nor the audit log, even for the administrator
		String audit = api.get("/api/v1/audit?entityType=employee&entityId=" + employeeId, token).body();
		assertThat(audit).contains("bankAccount").doesNotContain(IBAN, TAX_ID);
	}

	@Test
	void employeesSeeOnlyTheirOwnFinalizedPayslips() throws Exception {
		String designationId = designation("Engineer");
		UserAccount alice = Tenants.newUser(identity, tenant, Tier.EMPLOYEE, List.of(), null);
		UserAccount bob = Tenants.newUser(identity, tenant, Tier.EMPLOYEE, List.of(), null);
		Map<String, Object> a = employee("E-6", designationId, "2020-01-01");
		a.put("userId", alice.id().value().toString());
		Map<String, Object> b = employee("E-7", designationId, "2020-01-01");
		b.put("userId", bob.id().value().toString());
		String aliceEmployee = createEmployee(a);
		String bobEmployee = createEmployee(b);
		String alicePayslip = finalizedPayslip(aliceEmployee);
		String bobPayslip = finalizedPayslip(bobEmployee);
		String aliceDraft = api
			.post("/api/v1/payslips",
					Map.of("employeeId", aliceEmployee, "periodStart", "2026-02-01", "periodEnd", "2026-02-28"), token)
			.text("id");

		String aliceToken = api.login(tenant.slug(), alice.email(), Tenants.PASSWORD).access();
		JsonNode mine = api.get("/api/v1/me/payslips", aliceToken).json().get("items");
		assertThat(mine).hasSize(1);
		assertThat(mine.get(0).get("id").asString()).isEqualTo(alicePayslip);
		assertThat(api.get("/api/v1/me/payslips/" + alicePayslip, aliceToken).status()).isEqualTo(200);
		assertThat(pdfText("/api/v1/me/payslips/" + alicePayslip + "/pdf", aliceToken)).contains("Employee E-6");

		assertThat(api.get("/api/v1/me/payslips/" + bobPayslip, aliceToken).status()).isEqualTo(404);
		assertThat(api.get("/api/v1/me/payslips/" + bobPayslip + "/pdf", aliceToken).status()).isEqualTo(404);
		assertThat(api.get("/api/v1/me/payslips/" + aliceDraft, aliceToken).status()).isEqualTo(404);
		assertThat(api.get("/api/v1/payslips/" + bobPayslip, aliceToken).status()).isEqualTo(403);
		assertThat(api.get("/api/v1/employees/" + bobEmployee, aliceToken).status()).isEqualTo(403);
		assertThat(api.get("/api/v1/employees", aliceToken).status()).isEqualTo(403);
		String myPage = api.page("/me/payslips", aliceToken).body();
		assertThat(myPage).contains(alicePayslip).doesNotContain(bobPayslip, aliceDraft);
		assertThat(api.page("/me/payslips/" + bobPayslip, aliceToken).status()).isEqualTo(404);
		assertThat(api.page("/payslips/" + bobPayslip, aliceToken).status()).isEqualTo(403);
	}

	@Test
	void aRunIncludesEveryActiveEmployeeOnceAndFinalizesThemTogether() {
		String designationId = designation("Engineer");
		String joiner = createEmployee(employee("E-8", designationId, "2026-03-17"));
		createEmployee(employee("E-9", designationId, "2020-01-01"));
		Map<String, Object> left = employee("E-10", designationId, "2020-01-01");
		left.put("leavingDate", "2026-02-28");
		createEmployee(left);
		var early = api.post("/api/v1/payslips",
				Map.of("employeeId", joiner, "periodStart", "2026-03-01", "periodEnd", "2026-03-31"), token);
		assertThat(early.status()).isEqualTo(201);

		var run = api.post("/api/v1/payroll-runs", Map.of("periodStart", "2026-03-01", "periodEnd", "2026-03-31"),
				token);
		assertThat(run.status()).as(run.body()).isEqualTo(201);
		// E-8 already has a payslip for March, E-10 left in February: only E-9
		assertThat(run.json().get("employeeCount").asInt()).isEqualTo(1);
		assertThat(run.json().get("totals").get(0).get("grossPay").asString()).isEqualTo("3300.00");

		var again = api.post("/api/v1/payroll-runs", Map.of("periodStart", "2026-03-01", "periodEnd", "2026-03-31"),
				token);
		assertThat(again.status()).isEqualTo(409);
		assertThat(again.code()).isEqualTo("run_exists");

		assertThat(api.page("/payroll-runs/" + run.text("id"), token).body()).contains("Employee E-9", "Finalize run");
		var finalized = api.post("/api/v1/payroll-runs/" + run.text("id") + "/finalize", null, token);
		assertThat(finalized.status()).as(finalized.body()).isEqualTo(200);
		assertThat(finalized.text("status")).isEqualTo("FINALIZED");
		assertThat(finalized.json().get("payslips").get(0).get("status").asString()).isEqualTo("FINALIZED");
		String dashboard = api.page("/", token).body();
		assertThat(dashboard).contains("Last payroll run", "2026-03-01 – 2026-03-31", "3300.00 EUR", "2490.00 EUR");

		// pro-rated joiner: 15 of 31 days of 3000 = 1451.61, +10% = 145.16
		assertThat(early.text("grossPay")).isEqualTo("1596.77");
	}

	String pdfText(String path, String bearer) throws Exception {
		var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + path))
			.header("Authorization", "Bearer " + bearer)
			.GET()
			.build();
		var response = java.net.http.HttpClient.newHttpClient()
			.send(request, java.net.http.HttpResponse.BodyHandlers.ofByteArray());
		assertThat(response.statusCode()).isEqualTo(200);
		try (var document = Loader.loadPDF(response.body())) {
			return new PDFTextStripper().getText(document);
		}
	}

}
