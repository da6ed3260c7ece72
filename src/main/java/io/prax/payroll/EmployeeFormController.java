package io.prax.payroll;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import io.prax.access.Permission;
import io.prax.access.RequiresPermission;
import io.prax.platform.Forms;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The employee form: create and edit, with the salary structure editor whose rows are
 * added, removed and moved on the server (htmx swaps the editor; without script the whole
 * form comes back).
 */
@Controller
class EmployeeFormController {

	private final EmployeeManagement employees;

	EmployeeFormController(EmployeeManagement employees) {
		this.employees = employees;
	}

	@GetMapping("/employees/new")
	@RequiresPermission(Permission.EMPLOYEES_CREATE)
	String newForm(Model model) {
		return form(model, null, EmployeeForm.empty(), null);
	}

	@PostMapping("/employees")
	@RequiresPermission(Permission.EMPLOYEES_CREATE)
	String create(HttpServletRequest request, @RequestParam(required = false) @Nullable String action,
			@RequestHeader(value = "HX-Request", required = false) @Nullable String htmx, Model model,
			RedirectAttributes redirect) {
		EmployeeForm form = EmployeeForm.from(request);
		if (action != null && !action.equals("save")) {
			return rows(model, null, form.edited(action), htmx != null);
		}
		return Forms.submit(() -> {
			Map<String, String> unreadable = new LinkedHashMap<>();
			EmployeeView created = employees.create(form.input(unreadable), unreadable);
			redirect.addFlashAttribute("flash", "Employee “" + created.name() + "” created");
			return "redirect:/employees/" + created.id();
		}, failure -> form(model, null, form, failure));
	}

	@GetMapping("/employees/{id}/edit")
	@RequiresPermission({ Permission.EMPLOYEES_VIEW, Permission.EMPLOYEES_EDIT })
	String editForm(@PathVariable UUID id, Model model) {
		return form(model, id, EmployeeForm.of(employees.get(new EmployeeId(id))), null);
	}

	@PostMapping("/employees/{id}")
	@RequiresPermission({ Permission.EMPLOYEES_VIEW, Permission.EMPLOYEES_EDIT })
	String update(@PathVariable UUID id, HttpServletRequest request,
			@RequestParam(required = false) @Nullable String action,
			@RequestHeader(value = "HX-Request", required = false) @Nullable String htmx, Model model,
			RedirectAttributes redirect) {
		EmployeeForm form = EmployeeForm.from(request);
		if (action != null && !action.equals("save")) {
			// Reading it first: another tenant's or a deleted employee's form answers 404
			// here too.
			employees.get(new EmployeeId(id));
			return rows(model, id, form.edited(action), htmx != null);
		}
		return Forms.submit(() -> {
			Map<String, String> unreadable = new LinkedHashMap<>();
			employees.update(new EmployeeId(id), form.input(unreadable), form.cleared(), unreadable);
			redirect.addFlashAttribute("flash", "Employee saved");
			return "redirect:/employees/" + id;
		}, failure -> form(model, id, form, failure));
	}

	/**
	 * After adding, removing or moving a row: the editor alone for htmx, else the whole
	 * form.
	 */
	private String rows(Model model, @Nullable UUID id, EmployeeForm form, boolean htmx) {
		form(model, id, form, null);
		return htmx ? "payroll/employee-form :: salary" : "payroll/employee-form";
	}

	private String form(Model model, @Nullable UUID id, EmployeeForm form, Forms.@Nullable Failure failure) {
		model.addAttribute("activeNav", "employees");
		model.addAttribute("employeeId", id);
		model.addAttribute("form", form);
		model.addAttribute("formAction", id == null ? "/employees" : "/employees/" + id);
		model.addAttribute("errors", failure == null ? Map.of() : form.shown(failure.fields()));
		model.addAttribute("error", failure == null ? null : failure.message());
		model.addAttribute("designations", employees.designationNames());
		model.addAttribute("users", employees.linkableUsers());
		return "payroll/employee-form";
	}

}
