package io.prax.approval;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

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
		for (UserAccount portal : List.of(buyer, stranger)) {
			var granted = api.send("PUT", "/api/v1/admin/users/" + portal.id().value() + "/overrides",
					Map.of("grants", List.of("approvals:approve"), "revocations", List.of()), admin);
			assertThat(granted.status()).as(granted.body()).isEqualTo(200);
		}
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

}
