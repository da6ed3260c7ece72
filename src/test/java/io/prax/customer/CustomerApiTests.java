package io.prax.customer;

import java.util.List;
import java.util.Map;
import java.util.UUID;

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
 * Customers (F1) through the REST API: CRUD, ALCOA+ fields, optimistic locking, soft
 * delete, paging.
 */
@PraxIntegrationTest
class CustomerApiTests {

	@LocalServerPort
	int port;

	@Autowired
	Onboarding onboarding;

	@Autowired
	UserLifecycle identity;

	Api api;

	TestTenant tenant;

	String token;

	@BeforeEach
	void signedInAdmin() {
		api = new Api(port);
		tenant = Tenants.newTenant(onboarding);
		token = api.login(tenant.slug(), tenant.adminEmail(), Tenants.PASSWORD).access();
	}

	@Test
	void createsACustomerWithAuditFields() {
		var created = api.post("/api/v1/customers", Map.of("name", "Initech GmbH", "email", "billing@initech.example",
				"taxId", "DE123456789", "billingAddress",
				Map.of("line1", "Friedrichstraße 10", "postalCode", "10117", "city", "Berlin", "country", "de")),
				token);

		assertThat(created.status()).isEqualTo(201);
		assertThat(created.raw().headers().firstValue("Location"))
			.hasValueSatisfying(location -> assertThat(location).endsWith("/api/v1/customers/" + created.text("id")));
		assertThat(created.json().get("billingAddress").get("country").asString()).isEqualTo("DE");
		assertThat(created.json().get("version").asLong()).isZero();
		assertThat(created.text("createdBy")).isEqualTo(tenant.admin().id().toString());
		assertThat(created.text("createdAt")).endsWith("Z");
		assertThat(api.get("/api/v1/customers/" + created.text("id"), token).text("name")).isEqualTo("Initech GmbH");
	}

	@Test
	void updatesWithTheCurrentVersionAndRefusesAStaleOne() {
		String id = api.post("/api/v1/customers", Map.of("name", "Old Name"), token).text("id");

		var updated = api.patch("/api/v1/customers/" + id, Map.of("name", "New Name", "version", 0), token);
		assertThat(updated.status()).isEqualTo(200);
		assertThat(updated.json().get("version").asLong()).isEqualTo(1);

		var stale = api.patch("/api/v1/customers/" + id, Map.of("name", "Lost Update", "version", 0), token);
		assertThat(stale.status()).isEqualTo(409);
		assertThat(stale.code()).isEqualTo("version_conflict");
		assertThat(api.get("/api/v1/customers/" + id, token).text("name")).isEqualTo("New Name");
	}

	@Test
	void rejectsInvalidInputWithoutWritingAnything() {
		var invalid = api.post("/api/v1/customers",
				Map.of("name", " ", "email", "no-at-sign", "billingAddress", Map.of("country", "Germany")), token);

		assertThat(invalid.status()).isEqualTo(400);
		assertThat(invalid.code()).isEqualTo("validation_failed");
		assertThat(invalid.json().get("errors").propertyNames()).contains("name", "email", "billingAddress.country");
		assertThat(api.get("/api/v1/customers", token).json().get("items")).isEmpty();
	}

	@Test
	void answersMalformedJsonWithAProblem() {
		var malformed = api.post("/api/v1/customers", "{\"name\": ", token);

		assertThat(malformed.status()).isEqualTo(400);
		assertThat(malformed.code()).isEqualTo("malformed_request");
		assertThat(malformed.raw().headers().firstValue("Content-Type"))
			.hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
	}

	@Test
	void softDeletesWithAReasonOnly() {
		String id = api.post("/api/v1/customers", Map.of("name", "Short-lived"), token).text("id");

		var withoutReason = api.delete("/api/v1/customers/" + id, null, token);
		assertThat(withoutReason.status()).isEqualTo(400);
		assertThat(withoutReason.json().get("errors").has("reason")).isTrue();

		assertThat(api.delete("/api/v1/customers/" + id, Map.of("reason", "Duplicate entry"), token).status())
			.isEqualTo(204);
		assertThat(api.get("/api/v1/customers/" + id, token).status()).isEqualTo(404);
		assertThat(api.get("/api/v1/customers", token).body()).doesNotContain("Short-lived");
	}

	@Test
	void pagesThroughCustomersWithACursor() {
		for (String name : List.of("Delta", "alpha", "Charlie", "bravo", "Echo")) {
			api.post("/api/v1/customers", Map.of("name", name), token);
		}

		var first = api.get("/api/v1/customers?limit=2", token);
		var second = api.get("/api/v1/customers?limit=2&cursor=" + first.text("nextCursor"), token);
		var third = api.get("/api/v1/customers?limit=2&cursor=" + second.text("nextCursor"), token);

		assertThat(names(first)).containsExactly("alpha", "bravo");
		assertThat(names(second)).containsExactly("Charlie", "Delta");
		assertThat(names(third)).containsExactly("Echo");
		assertThat(third.json().get("nextCursor").isNull()).isTrue();
		assertThat(api.get("/api/v1/customers?limit=501", token).status()).isEqualTo(400);
		assertThat(api.get("/api/v1/customers?cursor=bogus", token).code()).isEqualTo("validation_failed");
	}

	@Test
	void sortsByNameOrLastChangeEitherWayAndPagesInThatOrder() {
		for (String name : List.of("Delta", "alpha", "Charlie", "bravo")) {
			api.post("/api/v1/customers", Map.of("name", name), token);
		}
		String charlie = api.get("/api/v1/customers?q=charlie", token).json().get("items").get(0).get("id").asString();
		api.patch("/api/v1/customers/" + charlie, Map.of("phone", "+1 555", "version", 0), token);

		var byNameDesc = api.get("/api/v1/customers?sort=-name&limit=3", token);
		var rest = api.get("/api/v1/customers?sort=-name&limit=3&cursor=" + byNameDesc.text("nextCursor"), token);
		var newestFirst = api.get("/api/v1/customers?sort=-updatedAt&limit=2", token);
		var newestRest = api.get("/api/v1/customers?sort=-updatedAt&limit=2&cursor=" + newestFirst.text("nextCursor"),
				token);

		assertThat(names(byNameDesc)).containsExactly("Delta", "Charlie", "bravo");
		assertThat(names(rest)).containsExactly("alpha");
		assertThat(names(newestFirst)).containsExactly("Charlie", "bravo");
		assertThat(names(newestRest)).containsExactly("alpha", "Delta");
		assertThat(api.get("/api/v1/customers?sort=name&cursor=" + byNameDesc.text("nextCursor"), token).code())
			.isEqualTo("validation_failed");
		assertThat(api.get("/api/v1/customers?sort=shoe-size", token).code()).isEqualTo("validation_failed");
	}

	@Test
	void managesContactsOfACustomer() {
		String id = api.post("/api/v1/customers", Map.of("name", "Umbrella"), token).text("id");

		var contact = api.post("/api/v1/customers/" + id + "/contacts",
				Map.of("name", "Alice", "email", "alice@umbrella.example", "position", "Buyer"), token);
		assertThat(contact.status()).isEqualTo(201);
		String contactId = contact.text("id");

		var renamed = api.patch("/api/v1/customers/" + id + "/contacts/" + contactId,
				Map.of("position", "Head of Procurement", "version", 0), token);
		assertThat(renamed.text("position")).isEqualTo("Head of Procurement");
		assertThat(renamed.text("name")).isEqualTo("Alice");

		assertThat(api
			.delete("/api/v1/customers/" + id + "/contacts/" + contactId, Map.of("reason", "Left the company"), token)
			.status()).isEqualTo(204);
		assertThat(api.get("/api/v1/customers/" + id + "/contacts", token).json().get("items")).isEmpty();
	}

	@Test
	void confinesACustomerPortalUserToItsOwnAccount() {
		String own = api.post("/api/v1/customers", Map.of("name", "Own Account"), token).text("id");
		String other = api.post("/api/v1/customers", Map.of("name", "Other Account"), token).text("id");
		UserAccount portal = Tenants.newUser(identity, tenant, Tier.CUSTOMER, List.of(), UUID.fromString(own));
		String portalToken = api.login(tenant.slug(), portal.email(), Tenants.PASSWORD).access();

		assertThat(names(api.get("/api/v1/customers", portalToken))).containsExactly("Own Account");
		assertThat(api.get("/api/v1/customers/" + own, portalToken).status()).isEqualTo(200);
		assertThat(api.get("/api/v1/customers/" + other, portalToken).status()).isEqualTo(404);
		assertThat(api.patch("/api/v1/customers/" + own, Map.of("name", "Renamed", "version", 0), portalToken).status())
			.isEqualTo(403);
		assertThat(api.post("/api/v1/customers", Map.of("name", "New"), portalToken).status()).isEqualTo(403);
	}

	@Test
	void viewersMayReadButNotWrite() {
		UserAccount viewer = Tenants.newUser(identity, tenant, Tier.EMPLOYEE, List.of("VIEWER"), null);
		String viewerToken = api.login(tenant.slug(), viewer.email(), Tenants.PASSWORD).access();

		assertThat(api.get("/api/v1/customers", viewerToken).status()).isEqualTo(200);
		var create = api.post("/api/v1/customers", Map.of("name", "Nope"), viewerToken);
		assertThat(create.status()).isEqualTo(403);
		assertThat(create.code()).isEqualTo("forbidden");
	}

	private static List<String> names(Api.Response response) {
		return response.json().get("items").valueStream().map(item -> item.get("name").asString()).toList();
	}

}
