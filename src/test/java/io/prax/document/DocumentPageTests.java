package io.prax.document;

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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The documents list and a document's page: what they show, its approval panel with the
 * signatures manifested, and who may open them.
 */
@PraxIntegrationTest
class DocumentPageTests {

	@LocalServerPort
	int port;

	@Autowired
	Onboarding onboarding;

	@Autowired
	UserLifecycle identity;

	Api api;

	TestTenant tenant;

	String admin;

	String customer;

	@BeforeEach
	void setUp() {
		api = new Api(port);
		tenant = Tenants.newTenant(onboarding);
		admin = api.login(tenant.slug(), tenant.adminEmail(), Tenants.PASSWORD).access();
		customer = api.post("/api/v1/customers", Map.of("name", "Page Buyer AG"), admin).text("id");
	}

	@Test
	void theDocumentPageShowsTheFileAndItsApprovalWithTheSignaturesManifested() {
		String id = upload(customer, "Framework contract.pdf");

		String list = api.page("/documents", admin).body();
		assertThat(list).contains("Framework contract.pdf", "/documents/" + id, "/customers/" + customer);

		var page = api.page("/documents/" + id, admin);
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("Framework contract.pdf", "PDF", DocumentApiTests.PDF.length + " bytes",
				tenant.admin().name(), "UTC", "/documents/" + id + "/content",
				"/approvals/panel?recordType=document&amp;recordId=" + id);
		String panelPath = "/approvals/panel?recordType=document&recordId=" + id;
		assertThat(api.page(panelPath, admin).body()).doesNotContain("Submit for approval");

		var defined = api.send("PUT", "/api/v1/approvals/workflows/document", Map.of("name", "Document approval",
				"steps", List.of(Map.of("name", "Approval", "signers", 1, "roles", List.of("MANAGER")))), admin);
		assertThat(defined.status()).as(defined.body()).isEqualTo(200);
		assertThat(api.page(panelPath, admin).body()).contains("Submit for approval");

		var submitted = api.post("/api/v1/approvals", Map.of("recordType", "document", "recordId", id), admin);
		assertThat(submitted.status()).as(submitted.body()).isEqualTo(201);
		UserAccount manager = Tenants.newUser(identity, tenant, Tier.EMPLOYEE, List.of("MANAGER"), null);
		String managerToken = api.login(tenant.slug(), manager.email(), Tenants.PASSWORD).access();
		var signed = api.post("/api/v1/approvals/" + submitted.text("id") + "/signatures",
				Map.of("password", Tenants.PASSWORD, "meaning", "APPROVED"), managerToken);
		assertThat(signed.status()).as(signed.body()).isEqualTo(201);

		String panel = api.page(panelPath, admin).body();
		assertThat(panel)
			.contains("data-signature", manager.name(), "Approved", signed.text("signedAt").substring(0, 10))
			.containsPattern("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2} UTC")
			.doesNotContain("Submit for approval");
	}

	@Test
	void onlyThoseWhoMaySeeTheRecordOpenItsDocuments() {
		String id = upload(customer, "Price list.pdf");
		String other = api.post("/api/v1/customers", Map.of("name", "Other Buyer Ltd"), admin).text("id");
		UserAccount own = Tenants.newUser(identity, tenant, Tier.CUSTOMER, List.of(), UUID.fromString(customer));
		UserAccount stranger = Tenants.newUser(identity, tenant, Tier.CUSTOMER, List.of(), UUID.fromString(other));
		UserAccount nobody = Tenants.newUser(identity, tenant, Tier.EMPLOYEE, List.of(), null);
		String ownToken = api.login(tenant.slug(), own.email(), Tenants.PASSWORD).access();
		String strangerToken = api.login(tenant.slug(), stranger.email(), Tenants.PASSWORD).access();
		String nobodyToken = api.login(tenant.slug(), nobody.email(), Tenants.PASSWORD).access();

		assertThat(api.page("/documents/" + id, ownToken).status()).isEqualTo(200);
		assertThat(api.page("/documents/" + id, strangerToken).status()).isEqualTo(404);
		assertThat(api.page("/documents", strangerToken).body()).doesNotContain("Price list.pdf");
		assertThat(api.page("/documents", nobodyToken).status()).isEqualTo(403);
		assertThat(api.page("/documents/" + id, nobodyToken).status()).isEqualTo(403);
		assertThat(api.page("/", admin).body()).contains("href=\"/documents\"");

		api.send("PUT", "/api/v1/admin/feature-gates", Map.of("modules", Map.of("documents", Map.of("enabled", false))),
				admin);
		assertThat(api.page("/documents", admin).status()).isEqualTo(403);
		assertThat(api.page("/documents/" + id, admin).status()).isEqualTo(403);
		assertThat(api.page("/", admin).body()).doesNotContain("href=\"/documents\"");
	}

	private String upload(String recordId, String fileName) {
		var created = new Multipart().field("recordType", "customer")
			.field("recordId", recordId)
			.file("file", fileName, "application/pdf", DocumentApiTests.PDF)
			.post(port, "/api/v1/documents", admin);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.text("id");
	}

}
