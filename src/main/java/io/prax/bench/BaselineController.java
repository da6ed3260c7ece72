package io.prax.bench;

import java.util.UUID;

import io.prax.customer.CustomerInput;
import io.prax.customer.CustomerView;
import io.prax.platform.PublicEndpoint;
import io.prax.tenancy.TenantId;
import org.springframework.context.annotation.Profile;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the authenticated customer API is measured against (benchmark profile only,
 * loopback only).
 */
@RestController
@Profile(BenchmarkProfile.NAME)
@RequestMapping("/bench/baseline/tenants/{tenant}/customers")
class BaselineController {

	private final BaselineCustomers customers;

	private final ServiceBaselineCustomers service;

	BaselineController(BaselineCustomers customers, ServiceBaselineCustomers service) {
		this.customers = customers;
		this.service = service;
	}

	@GetMapping("/{id}")
	@PublicEndpoint("benchmark baseline: the customer read without security; exists only in the benchmark profile")
	ResponseEntity<CustomerView> read(@PathVariable UUID tenant, @PathVariable UUID id) {
		return ResponseEntity.of(customers.read(new TenantId(tenant), id));
	}

	@GetMapping("/{id}/through-service")
	@PublicEndpoint("benchmark baseline: the customer service's read without the security in front of it; "
			+ "exists only in the benchmark profile")
	CustomerView readThroughService(@PathVariable UUID tenant, @PathVariable UUID id) {
		return service.read(new TenantId(tenant), id);
	}

	@PostMapping
	@PublicEndpoint("benchmark baseline: the customer insert without security or audit; exists only in the benchmark profile")
	ResponseEntity<CustomerView> insert(@PathVariable UUID tenant, @RequestBody CustomerInput input) {
		return ResponseEntity.status(HttpStatus.CREATED).body(customers.insert(new TenantId(tenant), input));
	}

}
