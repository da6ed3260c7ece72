package io.prax.dashboard;

import io.prax.access.AccessPolicy;
import io.prax.customer.CustomerManagement;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class DashboardController {

	private final CustomerManagement customers;
	private final AccessPolicy access;

	DashboardController(CustomerManagement customers, AccessPolicy access) {
		this.customers = customers;
		this.access = access;
	}

	@GetMapping("/")
	String dashboard(Model model) {
		model.addAttribute("activeNav", "dashboard");
		model.addAttribute("customerCount", customers.count());
		model.addAttribute("recentCustomers", customers.newest(5));
		model.addAttribute("canCreateCustomer", access.can("customers:create"));
		model.addAttribute("canViewCustomers", access.can("customers:view"));
		return "dashboard/index";
	}
}
