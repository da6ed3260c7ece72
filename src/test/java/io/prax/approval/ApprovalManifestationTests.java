package io.prax.approval;

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
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import static io.prax.approval.ApprovalFixtures.reviewThenApprove;
import static io.prax.approval.ApprovalFixtures.sign;
import static io.prax.approval.ApprovalFixtures.step;
import static io.prax.approval.ApprovalFixtures.submit;
import static io.prax.approval.ApprovalFixtures.workflow;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * 21 CFR 11.50: every signature's printed name, date and time with zone, and meaning on
 * pages and PDFs.
 */
@PraxIntegrationTest
class ApprovalManifestationTests {

	@LocalServerPort
	int port;

	@Autowired
	Onboarding onboarding;

	@Autowired
	UserLifecycle identity;

	Api api;

	TestTenant tenant;

	String admin;

	UserAccount reviewer;

	String reviewerToken;

	UserAccount manager;

	String managerToken;

	@BeforeEach
	void tenant() {
		api = new Api(port);
		tenant = Tenants.newTenant(onboarding);
		admin = api.login(tenant.slug(), tenant.adminEmail(), Tenants.PASSWORD).access();
		reviewer = Tenants.newUser(identity, tenant, Tier.EMPLOYEE, List.of("REVIEWER"), null);
		reviewerToken = api.login(tenant.slug(), reviewer.email(), Tenants.PASSWORD).access();
		manager = Tenants.newUser(identity, tenant, Tier.EMPLOYEE, List.of("MANAGER"), null);
		managerToken = api.login(tenant.slug(), manager.email(), Tenants.PASSWORD).access();
		assertThat(api.send("PUT", "/api/v1/admin/company", ApprovalApiTests.company(), admin).status()).isEqualTo(200);
	}

	@Test
	void theSignedInvoiceShowsEverySignatureOnItsPagesAndInItsPdf() throws Exception {
		String customerId = ApprovalApiTests.buyer(api, admin, "Manifest Buyer AG");
		String invoice = api
			.post("/api/v1/invoices",
					Map.of("customerId", customerId, "currency", "EUR", "dueDate", "2099-12-31", "lines", List.of(Map
						.of("description", "Validation", "quantity", "1", "unitPrice", "900.00", "taxRate", "0.19"))),
					admin)
			.text("id");
		workflow(api, admin, "invoice", reviewThenApprove());
		String id = submit(api, admin, "invoice", invoice);
		JsonNode reviewed = sign(api, reviewerToken, id, Tenants.PASSWORD, "REVIEWED").json();
		sign(api, managerToken, id, Tenants.PASSWORD, "APPROVED");
		assertThat(api.post("/api/v1/invoices/" + invoice + "/issue", null, admin).status()).isEqualTo(200);
		String reviewedAt = Manifestation.format(java.time.Instant.parse(reviewed.get("signedAt").asString()));
		assertThat(reviewedAt).endsWith(" UTC");

		String pdf = pdfText("/api/v1/invoices/" + invoice + "/pdf", admin);
		assertThat(pdf).contains("ELECTRONIC SIGNATURES", reviewer.name(), manager.name(), reviewedAt, "Reviewed",
				"Approved", api.get("/api/v1/approvals/" + id, admin).text("recordSha256"));

		String approvalPage = api.page("/approvals/" + id, admin).body();
		assertThat(approvalPage).contains(reviewer.name(), manager.name(), reviewedAt, "Reviewed", "Approved");
		String panel = api.page("/approvals/panel?recordType=invoice&recordId=" + invoice, admin).body();
		assertThat(panel).contains(reviewer.name(), manager.name(), reviewedAt, "Reviewed", "Approved");
		assertThat(api.page("/invoices/" + invoice, admin).body()).contains("/approvals/panel?recordType=invoice");
		String list = api.page("/approvals", admin).body();
		assertThat(list).contains("title=\"" + reviewer.name() + " — " + reviewedAt + " — Reviewed");
	}

	@Test
	void aPayslipOfASignedRunShowsTheRunsSignaturesInItsPdf() throws Exception {
		var employee = api.post("/api/v1/employees",
				Map.of("employeeCode", "M-1", "name", "Mia Manifest", "hireDate", "2020-01-01", "bankAccount",
						"DE89370400440532013000", "salary",
						Map.of("currency", "EUR", "components",
								List.of(Map.of("name", "Base salary", "kind", "EARNING", "amount", "2800.00")))),
				admin);
		assertThat(employee.status()).as(employee.body()).isEqualTo(201);
		workflow(api, admin, "payroll_run",
				Map.of("name", "Payroll approval", "steps", List.of(step("Approval", 1, List.of("MANAGER")))));
		var run = api.post("/api/v1/payroll-runs", Map.of("periodStart", "2026-05-01", "periodEnd", "2026-05-31"),
				admin);
		String runId = run.text("id");
		String id = submit(api, admin, "payroll_run", runId);
		assertThat(sign(api, managerToken, id, Tenants.PASSWORD, "APPROVED").status()).isEqualTo(201);
		assertThat(api.post("/api/v1/payroll-runs/" + runId + "/finalize", null, admin).status()).isEqualTo(200);
		String payslip = api.get("/api/v1/payroll-runs/" + runId, admin)
			.json()
			.get("payslips")
			.get(0)
			.get("payslipId")
			.asString();
		String pdf = pdfText("/api/v1/payslips/" + payslip + "/pdf", admin);
		assertThat(pdf).contains("ELECTRONIC SIGNATURES", manager.name(), "UTC", "Approved");
	}

	private String pdfText(String path, String token) throws Exception {
		var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + path))
			.header("Authorization", "Bearer " + token)
			.GET()
			.build();
		byte[] bytes = java.net.http.HttpClient.newHttpClient()
			.send(request, java.net.http.HttpResponse.BodyHandlers.ofByteArray())
			.body();
		try (var document = Loader.loadPDF(bytes)) {
			return new PDFTextStripper().getText(document);
		}
	}

}
