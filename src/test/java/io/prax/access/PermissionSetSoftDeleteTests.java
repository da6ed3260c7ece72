package io.prax.access;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.prax.identity.Onboarding;
import io.prax.support.Api;
import io.prax.support.PraxIntegrationTest;
import io.prax.support.Tenants;
import io.prax.support.Tenants.TestTenant;
import io.prax.tenancy.TenantContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Deleted roles, designations and lifted feature gates are invisible through every
 * repository method.
 */
@PraxIntegrationTest
class PermissionSetSoftDeleteTests {

	@LocalServerPort
	int port;

	@Autowired
	Onboarding onboarding;

	@Autowired
	Roles roles;

	@Autowired
	Designations designations;

	@Autowired
	FeatureGates gates;

	@Autowired
	TransactionTemplate transactions;

	@Test
	void deletedRowsAreInvisibleThroughEveryRepositoryMethod() {
		TestTenant tenant = Tenants.newTenant(onboarding);
		Api api = new Api(port);
		String token = api.login(tenant.slug(), tenant.adminEmail(), Tenants.PASSWORD).access();
		var perms = Map.of("permissions", List.of("customers:view"));
		UUID keptRole = id(api.post("/api/v1/admin/roles", with(perms, "name", "Kept role"), token));
		UUID goneRole = id(api.post("/api/v1/admin/roles", with(perms, "name", "Gone role"), token));
		UUID keptDesk = id(api.post("/api/v1/admin/designations", with(perms, "name", "Kept desk"), token));
		UUID goneDesk = id(api.post("/api/v1/admin/designations", with(perms, "name", "Gone desk"), token));
		api.send("PUT", "/api/v1/admin/feature-gates",
				Map.of("modules", Map.of("invoices", Map.of("enabled", false), "payslips", Map.of("enabled", false))),
				token);
		api.send("PUT", "/api/v1/admin/feature-gates", Map.of("modules", Map.of("payslips", Map.of("enabled", true))),
				token);
		assertThat(api.delete("/api/v1/admin/roles/" + goneRole, Map.of("reason", "Unused"), token).status())
			.isEqualTo(204);
		assertThat(api.delete("/api/v1/admin/designations/" + goneDesk, Map.of("reason", "Unused"), token).status())
			.isEqualTo(204);

		TenantContext.run(tenant.id(), () -> transactions.executeWithoutResult(status -> {
			assertThat(roles.findById(goneRole)).isEmpty();
			assertThat(roles.findByName("Gone role")).isEmpty();
			assertThat(roles.findByName("kept ROLE")).isPresent();
			assertThat(roles.ordered()).extracting(Role::id).containsExactly(keptRole);
			assertThat(roles.findAll()).extracting(Role::id).containsExactly(keptRole);
			assertThat(roles.count()).isEqualTo(1);

			assertThat(designations.findById(goneDesk)).isEmpty();
			assertThat(designations.findByName("gone desk")).isEmpty();
			assertThat(designations.ordered()).extracting(Designation::id).containsExactly(keptDesk);
			assertThat(designations.findAll()).extracting(Designation::id).containsExactly(keptDesk);

			assertThat(gates.findAll()).extracting(gate -> gate.gate().module()).containsExactly("invoices");
			assertThat(gates.count()).isEqualTo(1);
		}));
		assertThat(api.get("/api/v1/admin/roles/" + goneRole, token).status()).isEqualTo(404);
		assertThat(api.get("/api/v1/audit?entityType=role&entityId=" + goneRole + "&action=delete", token)
			.json()
			.get("items")).hasSize(1);
	}

	private static Map<String, Object> with(Map<String, ?> base, String key, Object value) {
		Map<String, Object> all = new java.util.LinkedHashMap<>(base);
		all.put(key, value);
		return all;
	}

	private static UUID id(Api.Response created) {
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return UUID.fromString(created.text("id"));
	}

}
