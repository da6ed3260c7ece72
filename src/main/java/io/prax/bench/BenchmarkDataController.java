package io.prax.bench;

import java.util.Map;
import java.util.UUID;

import io.prax.platform.PublicEndpoint;
import io.prax.tenancy.TenantDirectory;
import io.prax.tenancy.TenantId;
import io.prax.tenancy.TenantInfo;
import org.springframework.context.annotation.Profile;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * How {@code bench/run.sh} prepares its data set and reads the figures it cannot get over
 * HTTP from outside (benchmark profile only, loopback only).
 */
@RestController
@Profile(BenchmarkProfile.NAME)
@RequestMapping("/bench/data")
class BenchmarkDataController {

	private final BulkTenants tenants;

	private final BulkCustomers customers;

	private final BulkAuditChain audit;

	private final QueryPlans plans;

	private final PasswordCost passwords;

	private final MemoryReport memory;

	private final TenantDirectory directory;

	BenchmarkDataController(BulkTenants tenants, BulkCustomers customers, BulkAuditChain audit, QueryPlans plans,
			PasswordCost passwords, MemoryReport memory, TenantDirectory directory) {
		this.tenants = tenants;
		this.customers = customers;
		this.audit = audit;
		this.plans = plans;
		this.passwords = passwords;
		this.memory = memory;
		this.directory = directory;
	}

	record Workspace(String slug, String adminEmail, String password, int users) {
	}

	record Rows(long rows, long millis) {
	}

	@PostMapping("/workspaces")
	@PublicEndpoint("benchmark data set: creates a workspace and its users; exists only in the benchmark profile")
	BulkTenants.Prepared workspace(@RequestBody Workspace request) {
		return tenants.workspace(request.slug(), request.adminEmail(), request.password(), request.users());
	}

	@PostMapping("/customers")
	@PublicEndpoint("benchmark data set: bulk customers; exists only in the benchmark profile")
	Rows customers(@RequestParam String slug, @RequestParam long count) {
		long start = System.nanoTime();
		return new Rows(customers.add(tenant(slug), count), (System.nanoTime() - start) / 1_000_000);
	}

	@PostMapping("/fillers")
	@PublicEndpoint("benchmark data set: bulk tenants with customers; exists only in the benchmark profile")
	Rows fillers(@RequestParam int tenants, @RequestParam long customersEach) {
		long start = System.nanoTime();
		return new Rows(this.tenants.fillers(tenants, customersEach, customers),
				(System.nanoTime() - start) / 1_000_000);
	}

	@PostMapping("/audit-events")
	@PublicEndpoint("benchmark data set: bulk audit chain; exists only in the benchmark profile")
	Rows auditEvents(@RequestParam String slug, @RequestParam UUID actor, @RequestParam long count) {
		long start = System.nanoTime();
		return new Rows(audit.append(tenant(slug), actor, count), (System.nanoTime() - start) / 1_000_000);
	}

	@GetMapping("/plans")
	@PublicEndpoint("benchmark figures: query plans of the customer list; exists only in the benchmark profile")
	Map<String, String> plans(@RequestParam String slug, @RequestParam String term,
			@RequestParam(defaultValue = "50") int limit) {
		return plans.plans(tenant(slug), term, limit);
	}

	@GetMapping("/password-cost")
	@PublicEndpoint("benchmark figures: Argon2id cost alone; exists only in the benchmark profile")
	PasswordCost.Cost passwordCost(@RequestParam(defaultValue = "20") int checks) {
		return passwords.measure(Math.max(1, Math.min(checks, 200)));
	}

	@GetMapping("/memory")
	@PublicEndpoint("benchmark figures: heap and resident memory; exists only in the benchmark profile")
	MemoryReport.Memory memory(@RequestParam(defaultValue = "false") boolean gc) {
		return memory.now(gc);
	}

	private TenantId tenant(String slug) {
		return directory.findBySlug(slug)
			.map(TenantInfo::id)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no tenant " + slug));
	}

}
