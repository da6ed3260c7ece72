package io.prax.access;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import io.prax.identity.CurrentUser;
import io.prax.platform.Problems;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What every page of the signed-in frame needs: who is signed in and the tabs they may
 * see.
 */
@ControllerAdvice(annotations = Controller.class)
class PageModel {

	private final AccessPolicy access;

	PageModel(AccessPolicy access) {
		this.access = access;
	}

	record Me(String name, String email, String tier, String tenantName) {
	}

	@ModelAttribute
	void frame(HttpServletRequest request, Model model) {
		if (Problems.isApi(request)) {
			return;
		}
		model.addAttribute("zone", ZoneId.of("UTC"));
		CurrentUser.current().ifPresent(user -> {
			model.addAttribute("me", new Me(user.name(), user.email(), user.tier().name(), user.tenantName()));
			model.addAttribute("nav", navigation(user));
		});
	}

	private List<NavEntry> navigation(CurrentUser user) {
		var permissions = access.permissionsOf(user);
		List<NavEntry> nav = new ArrayList<>();
		if (user.isCustomer()) {
			// the portal's own short menu: nothing of the staff UI
			nav.add(new NavEntry("dashboard", "Home", "/"));
			if (permissions.contains(Permission.INVOICES_VIEW.key())) {
				nav.add(new NavEntry("invoices", "My invoices", "/invoices"));
			}
			if (permissions.contains(Permission.CUSTOMERS_VIEW.key()) && user.customerId() != null) {
				nav.add(new NavEntry("customers", "My company", "/customers/" + user.customerId()));
			}
			if (permissions.contains(Permission.APPROVALS_VIEW.key())) {
				nav.add(new NavEntry("approvals", "Approvals for me", "/approvals"));
			}
			return nav;
		}
		nav.add(new NavEntry("dashboard", "Dashboard", "/"));
		if (permissions.contains(Permission.CUSTOMERS_VIEW.key())) {
			nav.add(new NavEntry("customers", "Customers", "/customers"));
		}
		if (permissions.contains(Permission.INVOICES_VIEW.key())) {
			nav.add(new NavEntry("invoices", "Invoices", "/invoices"));
		}
		if (permissions.contains(Permission.EMPLOYEES_VIEW.key())) {
			nav.add(new NavEntry("employees", "Employees", "/employees"));
		}
		if (permissions.contains(Permission.PAYSLIPS_VIEW.key())) {
			nav.add(new NavEntry("payslips", "Payroll", "/payroll-runs"));
		}
		if (permissions.contains(Permission.DOCUMENTS_VIEW.key())) {
			nav.add(new NavEntry("documents", "Documents", "/documents"));
		}
		if (permissions.contains(Permission.APPROVALS_VIEW.key())) {
			nav.add(new NavEntry("approvals", "Approvals", "/approvals"));
		}
		// self-service: every staff user while payslips are not gated off; the page shows
		// only the linked employee's finalized payslips
		if (access.moduleEnabled("payslips")) {
			nav.add(new NavEntry("my-payslips", "My payslips", "/me/payslips"));
		}
		if (permissions.contains(Permission.AUDIT_VIEW.key())) {
			nav.add(new NavEntry("audit", "Audit", "/audit"));
		}
		if (permissions.contains(Permission.USERS_VIEW.key())) {
			nav.add(new NavEntry("admin-users", "Users", "/admin/users"));
			nav.add(new NavEntry("admin-roles", "Roles", "/admin/roles"));
		}
		if (permissions.contains(Permission.DESIGNATIONS_VIEW.key())) {
			nav.add(new NavEntry("admin-designations", "Designations", "/admin/designations"));
		}
		if (permissions.contains(Permission.SETTINGS_VIEW.key())) {
			nav.add(new NavEntry("admin-company", "Company", "/admin/company"));
			nav.add(new NavEntry("admin-feature-gates", "Feature gates", "/admin/feature-gates"));
			nav.add(new NavEntry("admin-security", "Security settings", "/admin/security-settings"));
		}
		if (permissions.contains(Permission.SESSIONS_VIEW.key())) {
			nav.add(new NavEntry("admin-sessions", "Sessions", "/admin/sessions"));
		}
		return nav;
	}

}
