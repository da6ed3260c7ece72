package io.prax.tenancy;

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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * F7 through the API: another tenant's customer is indistinguishable from one that does
 * not exist.
 */
@PraxIntegrationTest
class TenantIsolationTests {

	@LocalServerPort
	int port;

	@Autowired
	Onboarding onboarding;

	Api api;

	String tokenA;

	String tokenB;

	String customerOfB;

	@BeforeEach
	void twoTenants() {
		api = new Api(port);
		TestTenant a = Tenants.newTenant(onboarding);
		TestTenant b = Tenants.newTenant(onboarding);
		tokenA = api.login(a.slug(), a.adminEmail(), Tenants.PASSWORD).access();
		tokenB = api.login(b.slug(), b.adminEmail(), Tenants.PASSWORD).access();
		customerOfB = api.post("/api/v1/customers", Map.of("name", "Secret Customer of B"), tokenB).text("id");
	}

	@Test
	void rejectsCrossTenantReadWithNotFound() {
		var read = api.get("/api/v1/customers/" + customerOfB, tokenA);

		assertThat(read.status()).isEqualTo(404);
		assertThat(read.code()).isEqualTo("not_found");
		assertThat(read.body()).doesNotContain("Secret Customer of B");
	}

	@Test
	void answersCrossTenantReadExactlyLikeAMissingRecord() {
		var foreign = api.get("/api/v1/customers/" + customerOfB, tokenA);
		var missing = api.get("/api/v1/customers/" + java.util.UUID.randomUUID(), tokenA);

		assertThat(foreign.status()).isEqualTo(missing.status());
		assertThat(foreign.json().get("detail")).isEqualTo(missing.json().get("detail"));
	}

	@Test
	void rejectsCrossTenantUpdateAndLeavesTheRowUnchanged() {
		var update = api.patch("/api/v1/customers/" + customerOfB, Map.of("name", "Hijacked", "version", 0), tokenA);

		assertThat(update.status()).isEqualTo(404);
		var own = api.get("/api/v1/customers/" + customerOfB, tokenB);
		assertThat(own.text("name")).isEqualTo("Secret Customer of B");
		assertThat(own.json().get("version").asLong()).isZero();
	}

	@Test
	void rejectsCrossTenantDeleteAndLeavesTheRowInPlace() {
		var delete = api.delete("/api/v1/customers/" + customerOfB, Map.of("reason", "sabotage"), tokenA);

		assertThat(delete.status()).isEqualTo(404);
		assertThat(api.get("/api/v1/customers/" + customerOfB, tokenB).status()).isEqualTo(200);
	}

	@Test
	void rejectsCrossTenantContactCreation() {
		var contact = api.post("/api/v1/customers/" + customerOfB + "/contacts", Map.of("name", "Mole"), tokenA);

		assertThat(contact.status()).isEqualTo(404);
		assertThat(api.get("/api/v1/customers/" + customerOfB + "/contacts", tokenB).json().get("items")).isEmpty();
	}

	@Test
	void listsAndSearchesOnlyTheCallersCustomers() {
		api.post("/api/v1/customers", Map.of("name", "Visible Customer of A"), tokenA);

		var list = api.get("/api/v1/customers?q=customer", tokenA);

		assertThat(list.status()).isEqualTo(200);
		assertThat(list.body()).contains("Visible Customer of A").doesNotContain("Secret Customer of B");
	}

}
