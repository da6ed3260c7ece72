package io.prax.platform;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.EntityManagerFactory;

import io.prax.identity.UserLifecycle;
import io.prax.identity.Onboarding;
import io.prax.identity.Tier;
import io.prax.identity.UserAccount;
import io.prax.support.PraxIntegrationTest;
import io.prax.support.Tenants;
import io.prax.support.Tenants.TestTenant;
import io.prax.tenancy.TenantContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A committed change of a {@link CachedPerNode} row forgets its tenant's entries on this
 * node by the time the transaction returns, without waiting for the database's notice:
 * the caches here are private to the test and hear no notices at all. Other tenants'
 * entries stay; a rolled-back change forgets nothing.
 */
@PraxIntegrationTest
class CachedRowChangesTests {

	@Autowired
	EntityManagerFactory emf;

	@Autowired
	Onboarding onboarding;

	@Autowired
	UserLifecycle identity;

	@Autowired
	TransactionTemplate transactions;

	/**
	 * Heard by a second listener (a subclass: Hibernate refuses two of one class),
	 * registered once.
	 */
	static NodeCaches caches;

	NodeCache<String, String> cache;

	@BeforeEach
	void privateCaches() {
		if (caches == null) {
			caches = new NodeCaches();
			caches.trustWhile(() -> true);
			new CachedRowChanges(emf, caches) {
			};
		}
		cache = caches.create("test", 100, Duration.ofMinutes(5));
	}

	@Test
	void aCommittedChangeForgetsItsTenantAtOnce() {
		TestTenant tenant = Tenants.newTenant(onboarding);
		TestTenant other = Tenants.newTenant(onboarding);
		UserAccount user = Tenants.newUser(identity, tenant, Tier.EMPLOYEE, List.of("VIEWER"), null);
		fill(tenant.id().value(), other.id().value());

		TenantContext.run(tenant.id(),
				() -> identity.update(user.id(), new UserLifecycle.UserChange(null, null, List.of(), null, null)));

		assertThat(cached(tenant.id().value())).isEmpty();
		assertThat(cached(other.id().value())).contains("cached");
	}

	@Test
	void aRolledBackChangeForgetsNothing() {
		TestTenant tenant = Tenants.newTenant(onboarding);
		UserAccount user = Tenants.newUser(identity, tenant, Tier.EMPLOYEE, List.of("VIEWER"), null);
		fill(tenant.id().value());

		TenantContext.run(tenant.id(), () -> transactions.executeWithoutResult(status -> {
			identity.update(user.id(), new UserLifecycle.UserChange(null, null, List.of(), null, null));
			status.setRollbackOnly();
		}));

		assertThat(cached(tenant.id().value())).contains("cached");
	}

	private void fill(UUID... tenants) {
		for (UUID tenant : tenants) {
			cache.get(tenant, "key", () -> Optional.of("cached"));
		}
	}

	/** The entry if still cached; a miss loads a marker that is then cached. */
	private Optional<String> cached(UUID tenant) {
		return cache.get(tenant, "key", () -> Optional.of("loaded")).filter("cached"::equals);
	}

}
