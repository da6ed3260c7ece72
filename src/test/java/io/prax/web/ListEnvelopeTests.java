package io.prax.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.prax.identity.UserLifecycle;
import io.prax.identity.Onboarding;
import io.prax.identity.Tier;
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
 * Every list answers {items, nextCursor}, pages for real with a cursor, and keeps to one
 * limit rule.
 */
@PraxIntegrationTest
class ListEnvelopeTests {

	@LocalServerPort
	int port;

	@Autowired
	Onboarding onboarding;

	@Autowired
	UserLifecycle identity;

	Api api;

	TestTenant tenant;

	String token;

	String customer;

	@BeforeEach
	void aTenantWithSomethingToList() {
		api = new Api(port);
		tenant = Tenants.newTenant(onboarding);
		token = api.login(tenant.slug(), tenant.adminEmail(), Tenants.PASSWORD).access();
		for (String name : List.of("Gamma", "Alpha", "Beta")) {
			customer = api.post("/api/v1/customers", Map.of("name", name), token).text("id");
			api.post("/api/v1/admin/designations",
					Map.of("name", "Desk " + name, "permissions", List.of("customers:view")), token);
		}
		for (String name : List.of("Zoe", "Ada", "Max")) {
			api.post("/api/v1/customers/" + customer + "/contacts", Map.of("name", name), token);
		}
		for (int i = 0; i < 2; i++) {
			Tenants.newUser(identity, tenant, Tier.EMPLOYEE, List.of("VIEWER"), null);
		}
	}

	private List<String> lists() {
		return List.of("/api/v1/customers", "/api/v1/customers/" + customer + "/contacts",
				"/api/v1/audit?entityType=customer", "/api/v1/admin/roles", "/api/v1/designations",
				"/api/v1/admin/designations", "/api/v1/admin/users");
	}

	@Test
	void refusesALimitOutOfRangeOnEveryList() {
		for (String list : lists()) {
			for (String limit : List.of("0", "501", "-3")) {
				var refused = api.get(with(list, "limit=" + limit), token);
				assertThat(refused.status()).as(list + " limit " + limit).isEqualTo(400);
				assertThat(refused.code()).isEqualTo("validation_failed");
				assertThat(refused.json().get("errors").get("limit").asString()).isEqualTo("Use a limit from 1 to 500");
			}
			assertThat(api.get(with(list, "limit=500"), token).status()).as(list).isEqualTo(200);
			assertThat(api.get(with(list, "cursor=bogus"), token).code()).as(list).isEqualTo("validation_failed");
		}
	}

	/**
	 * Every list of the API, found in the OpenAPI document (a GET with a {@code limit}
	 * parameter), keeps to the one limit rule and refuses a cursor that is not one, so a
	 * list added later cannot bring its own.
	 */
	@Test
	void everyListInTheApiKeepsToTheOneLimitRule() {
		JsonNode paths = api.get("/v3/api-docs", null).json().get("paths");
		List<String> checked = new ArrayList<>();
		for (var path : paths.properties()) {
			JsonNode get = path.getValue().get("get");
			if (get == null || !get.has("parameters")
					|| get.get("parameters")
						.valueStream()
						.noneMatch(parameter -> "limit".equals(parameter.path("name").asString()))) {
				continue;
			}
			String list = path.getKey().replace("{id}", customer).replace("{customerId}", customer);
			if (list.contains("{")) {
				continue;
			}
			if (list.equals("/api/v1/documents")) {
				list += "?recordType=customer&recordId=" + customer;
			}
			for (String limit : List.of("0", "501")) {
				var refused = api.get(with(list, "limit=" + limit), token);
				assertThat(refused.status()).as(list + " limit " + limit).isEqualTo(400);
				assertThat(refused.json().path("errors").path("limit").asString()).as(list + ": " + refused.json())
					.isEqualTo("Use a limit from 1 to 500");
			}
			assertThat(api.get(with(list, "cursor=bogus"), token).code()).as(list).isEqualTo("validation_failed");
			checked.add(list);
		}
		assertThat(checked).as("lists found in the OpenAPI document")
			.contains("/api/v1/customers", "/api/v1/invoices", "/api/v1/employees", "/api/v1/approvals")
			.hasSizeGreaterThanOrEqualTo(10);
	}

	@Test
	void pagesEveryListUntilTheCursorIsNull() {
		for (String list : lists()) {
			JsonNode all = api.get(with(list, "limit=500"), token).json();
			List<String> whole = ids(all);
			assertThat(whole.size()).as(list).isGreaterThanOrEqualTo(3);
			assertThat(all.get("nextCursor").isNull()).as(list).isTrue();

			List<String> paged = new ArrayList<>();
			JsonNode page = api.get(with(list, "limit=2"), token).json();
			assertThat(page.get("nextCursor").isNull()).as(list + " first page has a next").isFalse();
			while (true) {
				paged.addAll(ids(page));
				if (page.get("nextCursor").isNull()) {
					break;
				}
				page = api.get(with(list, "limit=2&cursor=" + page.get("nextCursor").asString()), token).json();
			}
			assertThat(paged).as(list).containsExactlyElementsOf(whole);
		}
	}

	private static String with(String list, String query) {
		return list + (list.contains("?") ? "&" : "?") + query;
	}

	private static List<String> ids(JsonNode page) {
		return page.get("items")
			.valueStream()
			.map(item -> (item.has("id") ? item.get("id") : item.get("seq")).asString())
			.toList();
	}

}
