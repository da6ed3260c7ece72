package io.prax.dashboard;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

import io.prax.access.AccessPolicy;
import io.prax.access.Permission;
import io.prax.audit.AuditManagement;
import io.prax.customer.CustomerId;
import io.prax.customer.CustomerContacts;
import io.prax.customer.CustomerManagement;
import io.prax.identity.CurrentUser;
import io.prax.identity.MfaStatus;
import io.prax.invoicing.InvoiceManagement;
import io.prax.invoicing.InvoiceStatus;
import io.prax.payroll.PayrollRunManagement;
import io.prax.payroll.PayrollRunView;
import io.prax.platform.SignedInOnly;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class DashboardController {

	private final CustomerManagement customers;

	private final CustomerContacts contacts;

	private final AccessPolicy access;

	private final AuditManagement audit;

	private final InvoiceManagement invoices;

	private final Clock clock;

	private final PayrollRunManagement payroll;

	private final MfaStatus mfa;

	/**
	 * One bar of the payroll chart: its label, amount and length in SVG units (of 200).
	 */
	record Bar(String label, String amount, int length, int y) {
	}

	DashboardController(CustomerManagement customers, CustomerContacts contacts, AccessPolicy access,
			AuditManagement audit, InvoiceManagement invoices, Clock clock, PayrollRunManagement payroll,
			MfaStatus mfa) {
		this.mfa = mfa;
		this.payroll = payroll;
		this.customers = customers;
		this.contacts = contacts;
		this.invoices = invoices;
		this.access = access;
		this.audit = audit;
		this.clock = clock;
	}

	@GetMapping("/")
	@SignedInOnly("the start page; shows only what the user may see")
	String dashboard(Model model) {
		model.addAttribute("activeNav", "dashboard");
		CurrentUser user = CurrentUser.require();
		if (user.isCustomer()) {
			return portal(user, model);
		}
		boolean canViewInvoices = access.can(Permission.INVOICES_VIEW);
		model.addAttribute("canViewInvoices", canViewInvoices);
		if (canViewInvoices) {
			model.addAttribute("receivables", receivables(invoices.totals(InvoiceManagement.Filter.NONE)));
			model.addAttribute("canCreateInvoice", access.can(Permission.INVOICES_CREATE));
		}
		boolean canViewCustomers = access.can(Permission.CUSTOMERS_VIEW);
		model.addAttribute("customerCount", canViewCustomers ? customers.count() : 0);
		model.addAttribute("recentCustomers", canViewCustomers ? customers.newest(5) : java.util.List.of());
		model.addAttribute("canCreateCustomer", access.can(Permission.CUSTOMERS_CREATE));
		model.addAttribute("canViewCustomers", canViewCustomers);
		boolean canViewPayroll = access.can(Permission.PAYSLIPS_VIEW);
		model.addAttribute("canViewPayroll", canViewPayroll);
		if (canViewPayroll) {
			payroll.lastFinalized().ifPresent(run -> {
				model.addAttribute("payrollRun", run);
				if (!run.totals().isEmpty()) {
					PayrollRunView.Totals t = run.totals().get(0);
					java.math.BigDecimal gross = new java.math.BigDecimal(t.grossPay());
					model.addAttribute("payrollBars", List.of(bar("Gross pay", t.grossPay(), gross, 0),
							bar("Deductions", t.totalDeductions(), gross, 1), bar("Net pay", t.netPay(), gross, 2)));
					model.addAttribute("payrollCurrency", t.currency());
				}
			});
		}
		boolean canViewAudit = access.can(Permission.AUDIT_VIEW);
		model.addAttribute("canViewAudit", canViewAudit);
		if (canViewAudit) {
			model.addAttribute("security", audit.securitySummary(Instant.now(clock).minus(Duration.ofDays(7)), 5));
			if (access.can(Permission.USERS_VIEW)) {
				model.addAttribute("mfaCoverage", mfa.coverage());
			}
		}
		return "dashboard/index";
	}

	private static Bar bar(String label, String amount, java.math.BigDecimal max, int row) {
		java.math.BigDecimal value = new java.math.BigDecimal(amount).max(java.math.BigDecimal.ZERO);
		int length = max.signum() <= 0 ? 0
				: value.multiply(java.math.BigDecimal.valueOf(200))
					.divide(max, 0, java.math.RoundingMode.HALF_UP)
					.intValue();
		return new Bar(label, amount, Math.min(200, length), row * 28);
	}

	/**
	 * The customer portal's home: the account's own invoices, company profile and
	 * contacts, nothing else.
	 */
	private String portal(CurrentUser user, Model model) {
		if (user.customerId() != null && access.can(Permission.CUSTOMERS_VIEW)) {
			customers.billingParty(new CustomerId(user.customerId())).ifPresent(c -> model.addAttribute("account", c));
			if (access.can(Permission.CONTACTS_VIEW)) {
				model.addAttribute("contacts", contacts.contacts(new CustomerId(user.customerId())));
			}
		}
		if (access.can(Permission.INVOICES_VIEW)) {
			model.addAttribute("invoices", invoices.list(InvoiceManagement.Filter.NONE, null, 10).items());
			model.addAttribute("open", invoices.totals(new InvoiceManagement.Filter(InvoiceStatus.ISSUED, null, null)));
		}
		return "dashboard/portal";
	}

	/**
	 * One bar per currency: what is open, split into not yet due and overdue (widths in
	 * percent).
	 */
	record Receivable(String currency, String open, String overdue, String notDue, int overduePercent,
			int notDuePercent, long count) {
	}

	static List<Receivable> receivables(List<InvoiceManagement.CurrencyTotal> totals) {
		return totals.stream().filter(t -> new BigDecimal(t.openTotal()).signum() > 0).map(t -> {
			BigDecimal open = new BigDecimal(t.openTotal());
			BigDecimal overdue = new BigDecimal(t.overdueTotal());
			BigDecimal notDue = open.subtract(overdue);
			int overduePercent = overdue.multiply(BigDecimal.valueOf(100))
				.divide(open, 0, RoundingMode.HALF_UP)
				.intValue();
			return new Receivable(t.currency(), t.openTotal(), t.overdueTotal(), notDue.toPlainString(), overduePercent,
					100 - overduePercent, t.count());
		}).toList();
	}

}
