package io.prax.dashboard;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import io.prax.access.AccessPolicy;
import io.prax.access.Permission;
import io.prax.audit.AuditManagement;
import io.prax.customer.CustomerManagement;
import io.prax.platform.SignedInOnly;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class DashboardController {

	private final CustomerManagement customers;
	private final AccessPolicy access;
	private final AuditManagement audit;
	private final Clock clock;

	DashboardController(CustomerManagement customers, AccessPolicy access, AuditManagement audit, Clock clock) {
		this.customers = customers;
		this.access = access;
		this.audit = audit;
		this.clock = clock;
	}

	@GetMapping("/")
	@SignedInOnly("the start page; shows only what the user may see")
	String dashboard(Model model) {
		model.addAttribute("activeNav", "dashboard");
		boolean canViewCustomers = access.can(Permission.CUSTOMERS_VIEW);
		model.addAttribute("customerCount", canViewCustomers ? customers.count() : 0);
		model.addAttribute("recentCustomers", canViewCustomers ? customers.newest(5) : java.util.List.of());
		model.addAttribute("canCreateCustomer", access.can(Permission.CUSTOMERS_CREATE));
		model.addAttribute("canViewCustomers", canViewCustomers);
		boolean canViewAudit = access.can(Permission.AUDIT_VIEW);
		model.addAttribute("canViewAudit", canViewAudit);
		if (canViewAudit) {
			model.addAttribute("security", audit.securitySummary(Instant.now(clock).minus(Duration.ofDays(7)), 5));
		}
		return "dashboard/index";
	}
}
