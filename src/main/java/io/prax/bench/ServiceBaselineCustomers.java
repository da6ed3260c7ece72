package io.prax.bench;

import java.util.List;
import java.util.UUID;

import io.prax.customer.CustomerId;
import io.prax.customer.CustomerManagement;
import io.prax.customer.CustomerView;
import io.prax.identity.CurrentUser;
import io.prax.identity.Tier;
import io.prax.identity.UserId;
import io.prax.tenancy.TenantContext;
import io.prax.tenancy.TenantId;
import org.springframework.context.annotation.Profile;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * The second read baseline: the customer service's own read (its transaction, the
 * Hibernate entity with its tenant filter, the view) for a fixed staff principal, so that
 * what the API adds on top of it is exactly the security: token, session and caches, rate
 * limit, CSRF and authorization rules, permission check and request log. The plain SQL
 * baseline ({@link BaselineCustomers}) also leaves out the ORM.
 */
@Component
@Profile(BenchmarkProfile.NAME)
class ServiceBaselineCustomers {

	private final CustomerManagement customers;

	ServiceBaselineCustomers(CustomerManagement customers) {
		this.customers = customers;
	}

	CustomerView read(TenantId tenant, UUID id) {
		CurrentUser principal = new CurrentUser(new UserId(new UUID(0, 1)), tenant, new UUID(0, 2), Tier.ADMIN,
				List.of(), null, "Benchmark baseline", "baseline@bench.example", "bench", "bench");
		var context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(new UsernamePasswordAuthenticationToken(principal, null, List.of()));
		SecurityContextHolder.setContext(context);
		try {
			return TenantContext.call(tenant, () -> customers.get(new CustomerId(id)));
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}

}
