package io.prax.customer;

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
import org.springframework.data.domain.Limit;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Deleted customers and contacts are invisible through every repository method, yet kept
 * with their reason.
 */
@PraxIntegrationTest
class CustomerSoftDeleteTests {

	@LocalServerPort
	int port;

	@Autowired
	Onboarding onboarding;

	@Autowired
	Customers customers;

	@Autowired
	Contacts contacts;

	@Autowired
	CustomerSearch search;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	JdbcTemplate jdbc;

	/**
	 * Records take their id at first use or at persist, not in the constructor Hibernate
	 * calls for every loaded row: a record saved without its id read gets one, and a
	 * loaded record keeps its stored id.
	 */
	@Test
	void aRecordGetsItsIdAtPersistAndKeepsItWhenLoaded() {
		TestTenant tenant = Tenants.newTenant(onboarding);
		UUID saved = TenantContext.call(tenant.id(),
				() -> transactions.execute(status -> customers.saveAndFlush(new Customer("Never Asked Ltd")).id()));
		assertThat(saved).isNotNull();
		assertThat(saved.version()).as("a time-ordered UUIDv7").isEqualTo(7);
		TenantContext.run(tenant.id(), () -> transactions.executeWithoutResult(status -> {
			Customer loaded = customers.findById(saved).orElseThrow();
			assertThat(loaded.id()).isEqualTo(saved);
			assertThat(loaded.isNew()).isFalse();
		}));
	}

	@Test
	void deletedRowsAreInvisibleThroughEveryRepositoryMethod() {
		TestTenant tenant = Tenants.newTenant(onboarding);
		Api api = new Api(port);
		String token = api.login(tenant.slug(), tenant.adminEmail(), Tenants.PASSWORD).access();
		UUID kept = UUID.fromString(api.post("/api/v1/customers", Map.of("name", "Kept"), token).text("id"));
		UUID gone = UUID.fromString(api.post("/api/v1/customers", Map.of("name", "Gone"), token).text("id"));
		UUID keptContact = UUID
			.fromString(api.post("/api/v1/customers/" + kept + "/contacts", Map.of("name", "Stays"), token).text("id"));
		UUID goneContact = UUID.fromString(
				api.post("/api/v1/customers/" + kept + "/contacts", Map.of("name", "Leaves"), token).text("id"));
		assertThat(api.delete("/api/v1/customers/" + kept + "/contacts/" + goneContact, Map.of("reason", "Left"), token)
			.status()).isEqualTo(204);
		assertThat(api.delete("/api/v1/customers/" + gone, Map.of("reason", "Duplicate"), token).status())
			.isEqualTo(204);

		TenantContext.run(tenant.id(), () -> transactions.executeWithoutResult(status -> {
			assertThat(customers.findById(gone)).isEmpty();
			assertThat(customers.existsById(gone)).isFalse();
			assertThat(customers.findAll()).extracting(Customer::id).containsExactly(kept);
			assertThat(customers.findAllById(java.util.List.of(kept, gone))).extracting(Customer::id)
				.containsExactly(kept);
			assertThat(customers.count()).isEqualTo(1);
			assertThat(customers.newest(Limit.of(10))).extracting(Customer::id).containsExactly(kept);
			assertThat(search.page("%", CustomerOrder.NAME, null, 10)).extracting(Customer::id).containsExactly(kept);

			assertThat(contacts.findById(goneContact)).isEmpty();
			assertThat(contacts.findByCustomerIdAndId(kept, goneContact)).isEmpty();
			assertThat(contacts.findByCustomer(kept)).extracting(Contact::id).containsExactly(keptContact);
			assertThat(contacts.findAll()).extracting(Contact::id).containsExactly(keptContact);
			assertThat(contacts.count()).isEqualTo(1);

			// Kept, with who deleted it and why.
			assertThat(jdbc.queryForObject("select delete_reason from customer where id = ?", String.class, gone))
				.isEqualTo("Duplicate");
		}));
		// The delete itself was audited, though the row is now hidden from the entity.
		assertThat(api.get("/api/v1/audit?entityType=customer&entityId=" + gone + "&action=delete", token)
			.json()
			.get("items")).hasSize(1);
	}

}
