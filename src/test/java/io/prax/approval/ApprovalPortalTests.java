package io.prax.approval;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.prax.identity.UserLifecycle;
import io.prax.identity.Onboarding;
import io.prax.identity.Tier;
import io.prax.identity.UserAccount;
import io.prax.support.Api;
import io.prax.support.Multipart;
import io.prax.support.PraxIntegrationTest;
import io.prax.support.Tenants;
import io.prax.support.Tenants.TestTenant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static io.prax.approval.ApprovalFixtures.sign;
import static io.prax.approval.ApprovalFixtures.submit;
import static io.prax.approval.ApprovalFixtures.workflow;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A customer's portal user signs an approval addressed to their company, with the same
 * re-authentication.
 */
@PraxIntegrationTest
class ApprovalPortalTests {

	@LocalServerPort
	int port;

	@Autowired
	Onboarding onboarding;

	@Autowired
	UserLifecycle identity;

	@Test
	void aPortalUserAcceptsAQuoteAddressedToTheirCompany() {
		Api api = new Api(port);
		TestTenant tenant = Tenants.newTenant(onboarding);
		String admin = api.login(tenant.slug(), tenant.adminEmail(), Tenants.PASSWORD).access();
		String customer = api.post("/api/v1/customers", Map.of("name", "Quote Buyer AG"), admin).text("id");
		String otherCustomer = api.post("/api/v1/customers", Map.of("name", "Someone Else Ltd"), admin).text("id");
		UserAccount buyer = Tenants.newUser(identity, tenant, Tier.CUSTOMER, List.of(),
				java.util.UUID.fromString(customer));
		UserAccount stranger = Tenants.newUser(identity, tenant, Tier.CUSTOMER, List.of(),
				java.util.UUID.fromString(otherCustomer));
		UserAccount manager = Tenants.newUser(identity, tenant, Tier.EMPLOYEE, List.of("MANAGER"), null);
		String managerToken = api.login(tenant.slug(), manager.email(), Tenants.PASSWORD).access();

		var quote = new Multipart().field("recordType", "customer")
			.field("recordId", customer)
			.file("file", "quote-2026-17.pdf", "application/pdf", "%PDF-1.4 quote".getBytes(StandardCharsets.US_ASCII))
			.post(port, "/api/v1/documents", admin);
		assertThat(quote.status()).as(quote.body()).isEqualTo(201);
		workflow(api, admin, "document", Map.of("name", "Customer acceptance", "steps",
				List.of(Map.of("name", "Acceptance", "signers", 1, "customer", true))));
		String id = submit(api, admin, "document", quote.text("id"));

		String buyerToken = api.login(tenant.slug(), buyer.email(), Tenants.PASSWORD).access();
		String strangerToken = api.login(tenant.slug(), stranger.email(), Tenants.PASSWORD).access();
		assertThat(api.get("/api/v1/approvals?waiting=me", buyerToken).json().get("items").toString()).contains(id);
		assertThat(api.get("/api/v1/approvals/" + id, strangerToken).status()).isEqualTo(404);
		assertThat(sign(api, strangerToken, id, Tenants.PASSWORD, "APPROVED").status()).isEqualTo(404);
		assertThat(sign(api, managerToken, id, Tenants.PASSWORD, "APPROVED").code()).isEqualTo("not_a_signer");

		var wrong = sign(api, buyerToken, id, "not my password", "APPROVED");
		assertThat(wrong.status()).isEqualTo(401);
		assertThat(wrong.code()).isEqualTo("invalid_credentials");
		String page = api.page("/approvals/" + id, buyerToken).body();
		assertThat(page).contains("data-signing-dialog", "Sign with my password", "Approvals for me");

		var accepted = sign(api, buyerToken, id, Tenants.PASSWORD, "APPROVED");
		assertThat(accepted.status()).as(accepted.body()).isEqualTo(201);
		assertThat(accepted.text("signerName")).isEqualTo(buyer.name());
		assertThat(api.get("/api/v1/approvals/" + id, admin).text("status")).isEqualTo("APPROVED");
		assertThat(api.page("/approvals/" + id, buyerToken).body()).contains(buyer.name(), "UTC", "Approved");
	}

	@Test
	void theCustomerAcceptsAnIssuedInvoiceAndSeesNoOtherApproval() throws Exception {
		Api api = new Api(port);
		TestTenant tenant = Tenants.newTenant(onboarding);
		String admin = api.login(tenant.slug(), tenant.adminEmail(), Tenants.PASSWORD).access();
		assertThat(api.send("PUT", "/api/v1/admin/company", ApprovalApiTests.company(), admin).status()).isEqualTo(200);
		String customer = ApprovalApiTests.buyer(api, admin, "Acceptance Buyer AG");
		String other = api.post("/api/v1/customers", Map.of("name", "Other Buyer Ltd"), admin).text("id");
		UserAccount buyer = Tenants.newUser(identity, tenant, Tier.CUSTOMER, List.of(), UUID.fromString(customer));
		UserAccount stranger = Tenants.newUser(identity, tenant, Tier.CUSTOMER, List.of(), UUID.fromString(other));
		UserAccount manager = Tenants.newUser(identity, tenant, Tier.EMPLOYEE, List.of("MANAGER"), null);
		String managerToken = api.login(tenant.slug(), manager.email(), Tenants.PASSWORD).access();
		String invoice = api
			.post("/api/v1/invoices", Map.of("customerId", customer, "currency", "EUR", "dueDate", "2099-12-31",
					"lines", List.of(Map.of("description", "Validation services", "quantity", "3", "unitPrice",
							"400.00", "taxRate", "0.19"))),
					admin)
			.text("id");

		// the staff's own approval of the draft, then the issue
		workflow(api, admin, "invoice",
				Map.of("name", "Release", "steps", List.of(Map.of("name", "Release", "signers", 1))));
		String internal = submit(api, admin, "invoice", invoice);
		assertThat(sign(api, managerToken, internal, Tenants.PASSWORD, "APPROVED").status()).isEqualTo(201);
		assertThat(api.post("/api/v1/invoices/" + invoice + "/issue", null, admin).status()).isEqualTo(200);

		workflow(api, admin, "invoice_acceptance", Map.of("name", "Customer acceptance", "steps",
				List.of(Map.of("name", "Acceptance", "signers", 1, "customer", true))));
		String acceptance = submit(api, admin, "invoice_acceptance", invoice);

		String buyerToken = api.login(tenant.slug(), buyer.email(), Tenants.PASSWORD).access();
		String strangerToken = api.login(tenant.slug(), stranger.email(), Tenants.PASSWORD).access();
		// the buyer sees the invoice, but the staff's approval of its draft is not theirs
		assertThat(api.get("/api/v1/invoices/" + invoice, buyerToken).status()).isEqualTo(200);
		String listed = api.get("/api/v1/approvals", buyerToken).json().get("items").toString();
		assertThat(listed).contains(acceptance).doesNotContain(internal);
		assertThat(api.get("/api/v1/approvals/" + internal, buyerToken).status()).isEqualTo(404);
		assertThat(api.page("/approvals/" + internal, buyerToken).status()).isEqualTo(404);
		assertThat(api.page("/approvals/panel?recordType=invoice&recordId=" + invoice, buyerToken).body())
			.doesNotContain("data-approval-panel");
		// nor is anything addressed to another customer
		assertThat(api.get("/api/v1/approvals", strangerToken).json().get("items").toString())
			.doesNotContain(acceptance);
		assertThat(api.get("/api/v1/approvals/" + acceptance, strangerToken).status()).isEqualTo(404);
		assertThat(sign(api, strangerToken, acceptance, Tenants.PASSWORD, "APPROVED").status()).isEqualTo(404);
		assertThat(sign(api, managerToken, acceptance, Tenants.PASSWORD, "APPROVED").code()).isEqualTo("not_a_signer");

		String inbox = api.page("/approvals", buyerToken).body();
		assertThat(inbox).contains("Approvals for me", "/approvals/" + acceptance)
			.doesNotContain("/approvals/" + internal)
			.doesNotContain("Security notices");
		// without any grant: portal users may sign what is addressed to them by default
		var accepted = sign(api, buyerToken, acceptance, Tenants.PASSWORD, "APPROVED");
		assertThat(accepted.status()).as(accepted.body()).isEqualTo(201);
		assertThat(api.get("/api/v1/approvals/" + acceptance, admin).text("status")).isEqualTo("APPROVED");

		String panel = api.page("/approvals/panel?recordType=invoice_acceptance&recordId=" + invoice, admin).body();
		assertThat(panel).contains("Customer acceptance", buyer.name(), "Approved", "UTC");
		String pdf = pdfText(port, "/api/v1/invoices/" + invoice + "/pdf", admin);
		assertThat(pdf).contains("ACCEPTED BY THE CUSTOMER", buyer.name(), "UTC", "(Acceptance)");
	}

	@Test
	void aVoidedInvoiceIsNoLongerOpenToAcceptanceAndPortalUsersDoNotReadTheWorkflows() {
		Api api = new Api(port);
		TestTenant tenant = Tenants.newTenant(onboarding);
		String admin = api.login(tenant.slug(), tenant.adminEmail(), Tenants.PASSWORD).access();
		assertThat(api.send("PUT", "/api/v1/admin/company", ApprovalApiTests.company(), admin).status()).isEqualTo(200);
		String customer = ApprovalApiTests.buyer(api, admin, "Void Buyer AG");
		UserAccount buyer = Tenants.newUser(identity, tenant, Tier.CUSTOMER, List.of(), UUID.fromString(customer));
		String invoice = api
			.post("/api/v1/invoices",
					Map.of("customerId", customer, "currency", "EUR", "dueDate", "2099-12-31", "lines", List.of(Map
						.of("description", "Calibration", "quantity", "1", "unitPrice", "250.00", "taxRate", "0.19"))),
					admin)
			.text("id");
		assertThat(api.post("/api/v1/invoices/" + invoice + "/issue", null, admin).status()).isEqualTo(200);
		workflow(api, admin, "invoice_acceptance", Map.of("name", "Customer acceptance", "steps",
				List.of(Map.of("name", "Acceptance", "signers", 1, "customer", true))));
		String acceptance = submit(api, admin, "invoice_acceptance", invoice);
		String buyerToken = api.login(tenant.slug(), buyer.email(), Tenants.PASSWORD).access();

		// the workflow settings (who signs what, by role) are the staff's, not the
		// portal's
		assertThat(api.get("/api/v1/approvals/workflows", buyerToken).status()).isEqualTo(403);
		assertThat(api.get("/api/v1/approvals/workflows", admin).status()).isEqualTo(200);

		assertThat(api
			.post("/api/v1/invoices/" + invoice + "/void", Map.of("reason", "Issued to the wrong address"), admin)
			.status()).isEqualTo(200);
		var refused = sign(api, buyerToken, acceptance, Tenants.PASSWORD, "APPROVED");
		assertThat(refused.status()).as(refused.body()).isEqualTo(409);
		assertThat(refused.code()).isEqualTo("not_signable");
		var approval = api.get("/api/v1/approvals/" + acceptance, admin);
		assertThat(approval.text("status")).isEqualTo("PENDING");
		assertThat(approval.json().get("steps").get(0).get("signatures")).isEmpty();
	}

	static String pdfText(int port, String path, String token) throws Exception {
		var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + path))
			.header("Authorization", "Bearer " + token)
			.GET()
			.build();
		byte[] bytes = java.net.http.HttpClient.newHttpClient()
			.send(request, java.net.http.HttpResponse.BodyHandlers.ofByteArray())
			.body();
		try (var document = org.apache.pdfbox.Loader.loadPDF(bytes)) {
			return new org.apache.pdfbox.text.PDFTextStripper().getText(document);
		}
	}

}
