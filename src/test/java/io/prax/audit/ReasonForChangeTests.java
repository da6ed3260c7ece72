package io.prax.audit;

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
 * F15: the reason given for an edit is in its audit event; regulated modules refuse edits
 * without one.
 */
@PraxIntegrationTest
class ReasonForChangeTests {

	@LocalServerPort
	int port;

	@Autowired
	Onboarding onboarding;

	Api api;

	String token;

	String customerId;

	@BeforeEach
	void customer() {
		api = new Api(port);
		TestTenant tenant = Tenants.newTenant(onboarding);
		token = api.login(tenant.slug(), tenant.adminEmail(), Tenants.PASSWORD).access();
		customerId = api.post("/api/v1/customers", Map.of("name", "Regulated Inc"), token).text("id");
	}

	@Test
	void keepsTheReasonGivenForAnEdit() {
		api.patch("/api/v1/customers/" + customerId,
				Map.of("name", "Regulated Incorporated", "version", 0, "reason", "Registered name changed"), token);

		JsonNode update = api.get("/api/v1/audit?entityId=" + customerId + "&action=update", token)
			.json()
			.get("items")
			.get(0);
		assertThat(update.get("reason").asString()).isEqualTo("Registered name changed");
	}

	@Test
	void refusesEditsWithoutReasonInRegulatedModules() {
		var regulated = api.send("PUT", "/api/v1/audit/regulated-modules", Map.of("modules", List.of("customers")),
				token);
		assertThat(regulated.status()).isEqualTo(200);
		assertThat(api.get("/api/v1/audit/regulated-modules", token).json().get("modules").get(0).asString())
			.isEqualTo("customers");

		var refused = api.patch("/api/v1/customers/" + customerId, Map.of("name", "Sneaky", "version", 0), token);

		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.code()).isEqualTo("reason_required");
		assertThat(api.get("/api/v1/customers/" + customerId, token).text("name")).isEqualTo("Regulated Inc");
		var accepted = api.patch("/api/v1/customers/" + customerId,
				Map.of("name", "Open", "version", 0, "reason", "Typo in the name"), token);
		assertThat(accepted.status()).isEqualTo(200);
		assertThat(api.get("/api/v1/audit?action=settings.regulated_modules_changed", token).json().get("items"))
			.hasSize(1);
		assertThat(api.get("/api/v1/audit/verify", token).json().get("valid").asBoolean()).isTrue();
	}

	@Test
	void regulatesOnlyBusinessModules() {
		var unknown = api.send("PUT", "/api/v1/audit/regulated-modules", Map.of("modules", List.of("spaceships")),
				token);
		var users = api.send("PUT", "/api/v1/audit/regulated-modules", Map.of("modules", List.of("users")), token);

		assertThat(unknown.status()).isEqualTo(400);
		assertThat(users.status()).isEqualTo(400);
	}

}
