package io.prax.payroll;

import java.util.UUID;

import io.prax.access.DesignationId;
import io.prax.access.AccessPolicy;
import io.prax.access.Permission;
import io.prax.access.RequiresPermission;
import io.prax.platform.Forms;
import io.prax.platform.ProblemException;
import io.prax.platform.SignedInOnly;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The payroll pages: employees, payroll runs, payslips, and an employee's own payslips.
 */
@Controller
class PayrollController {

	private final EmployeeManagement employees;

	private final PayslipManagement payslips;

	private final PayrollRunManagement runs;

	private final PayslipPdf pdf;

	private final AccessPolicy access;

	PayrollController(EmployeeManagement employees, PayslipManagement payslips, PayrollRunManagement runs,
			PayslipPdf pdf, AccessPolicy access) {
		this.employees = employees;
		this.payslips = payslips;
		this.runs = runs;
		this.pdf = pdf;
		this.access = access;
	}

	@GetMapping("/employees")
	@RequiresPermission(Permission.EMPLOYEES_VIEW)
	String employees(@RequestParam(required = false) @Nullable String q,
			@RequestParam(required = false) @Nullable String department,
			@RequestParam(required = false) @Nullable UUID designationId,
			@RequestParam(required = false) @Nullable EmployeeStatus status,
			@RequestParam(required = false) @Nullable String cursor, Model model) {
		model.addAttribute("activeNav", "employees");
		model.addAttribute("q", q);
		model.addAttribute("department", department);
		model.addAttribute("designationId", designationId);
		model.addAttribute("status", status);
		model.addAttribute("designations", employees.designationNames());
		model.addAttribute("canCreate", access.can(Permission.EMPLOYEES_CREATE));
		model.addAttribute("page",
				employees.list(
						new EmployeeManagement.Filter(q, department,
								designationId == null ? null : new DesignationId(designationId), status),
						cursor, null));
		return "payroll/employees";
	}

	@GetMapping("/employees/{id}")
	@RequiresPermission(Permission.EMPLOYEES_VIEW)
	String employee(@PathVariable UUID id, Model model) {
		model.addAttribute("activeNav", "employees");
		model.addAttribute("employee", employees.get(new EmployeeId(id)));
		model.addAttribute("canEdit", access.can(Permission.EMPLOYEES_EDIT));
		if (access.can(Permission.PAYSLIPS_VIEW)) {
			model.addAttribute("payslips", payslips.list(new EmployeeId(id), null, 24).items());
		}
		return "payroll/employee";
	}

	@GetMapping("/payroll-runs")
	@RequiresPermission(Permission.PAYSLIPS_VIEW)
	String runs(Model model) {
		model.addAttribute("activeNav", "payslips");
		model.addAttribute("runs", runs.list(24));
		model.addAttribute("canCreate", access.can(Permission.PAYSLIPS_CREATE));
		return "payroll/runs";
	}

	@PostMapping("/payroll-runs")
	@RequiresPermission(Permission.PAYSLIPS_CREATE)
	String createRun(@RequestParam(required = false) java.time.@Nullable LocalDate periodStart,
			@RequestParam(required = false) java.time.@Nullable LocalDate periodEnd, RedirectAttributes redirect) {
		return Forms.submit(() -> {
			PayrollRunView run = runs.create(new PayrollRunInput(periodStart, periodEnd));
			redirect.addFlashAttribute("flash", "Payroll run created with " + run.employeeCount() + " draft payslips");
			return "redirect:/payroll-runs/" + run.id();
		}, redirect, "Not created: ", "redirect:/payroll-runs");
	}

	@GetMapping("/payroll-runs/{id}")
	@RequiresPermission(Permission.PAYSLIPS_VIEW)
	String run(@PathVariable UUID id, Model model) {
		model.addAttribute("activeNav", "payslips");
		model.addAttribute("run", runs.get(new PayrollRunId(id)));
		model.addAttribute("canFinalize", access.can(Permission.PAYSLIPS_FINALIZE));
		return "payroll/run";
	}

	@PostMapping("/payroll-runs/{id}/finalize")
	@RequiresPermission(Permission.PAYSLIPS_FINALIZE)
	String finalizeRun(@PathVariable UUID id, @RequestParam(required = false) @Nullable String confirm,
			RedirectAttributes redirect) {
		if (!"yes".equals(confirm)) {
			throw ProblemException.validation(java.util.Map.of("confirm", "Confirm that the run is to be finalized"));
		}
		PayrollRunView run = runs.finalize(new PayrollRunId(id));
		redirect.addFlashAttribute("flash", run.employeeCount() + " payslips finalized");
		return "redirect:/payroll-runs/" + id;
	}

	@GetMapping("/payslips/{id}")
	@RequiresPermission(Permission.PAYSLIPS_VIEW)
	String payslip(@PathVariable UUID id, Model model) {
		model.addAttribute("activeNav", "payslips");
		model.addAttribute("p", payslips.get(new PayslipId(id)));
		model.addAttribute("pdfHref", "/payslips/" + id + "/pdf");
		model.addAttribute("canExport", access.can(Permission.PAYSLIPS_EXPORT));
		return "payroll/payslip";
	}

	@GetMapping("/payslips/{id}/pdf")
	@RequiresPermission(Permission.PAYSLIPS_EXPORT)
	ResponseEntity<byte[]> payslipPdf(@PathVariable UUID id) {
		return pdf.answer(payslips.get(new PayslipId(id)));
	}

	@GetMapping("/me/payslips")
	@SignedInOnly("one's own payslips, through the employee record linked to the signed-in user")
	String myPayslips(Model model) {
		gate();
		model.addAttribute("activeNav", "my-payslips");
		model.addAttribute("payslips", payslips.mine());
		return "payroll/my-payslips";
	}

	@GetMapping("/me/payslips/{id}")
	@SignedInOnly("one's own payslip; anyone else's answers 404")
	String myPayslip(@PathVariable UUID id, Model model) {
		gate();
		model.addAttribute("activeNav", "my-payslips");
		model.addAttribute("p", payslips.mine(new PayslipId(id)));
		model.addAttribute("pdfHref", "/me/payslips/" + id + "/pdf");
		model.addAttribute("canExport", true);
		return "payroll/payslip";
	}

	@GetMapping("/me/payslips/{id}/pdf")
	@SignedInOnly("one's own payslip; anyone else's answers 404")
	ResponseEntity<byte[]> myPayslipPdf(@PathVariable UUID id) {
		gate();
		return pdf.answer(payslips.mine(new PayslipId(id)));
	}

	private void gate() {
		if (!access.moduleEnabled("payslips")) {
			throw new ProblemException(HttpStatus.FORBIDDEN, "feature_disabled",
					"This feature is switched off for your workspace or role");
		}
	}

}
