package io.prax.payroll;

import java.net.URI;
import java.util.Map;
import java.util.UUID;

import io.prax.access.DesignationId;
import io.prax.access.Permission;
import io.prax.access.RequiresPermission;
import io.prax.platform.Page;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Employees",
		description = "Staff records with their salary structure; bank details masked without employees:edit")
@RestController
@RequestMapping("/api/v1/employees")
class EmployeeApiController {

	private final EmployeeManagement employees;

	EmployeeApiController(EmployeeManagement employees) {
		this.employees = employees;
	}

	/** Body of a DELETE: the reason is required, the version optional. */
	record Deletion(@Nullable String reason, @Nullable Long version) {
	}

	@Operation(summary = "List or search employees by name, code or email, department, designation and status")
	@GetMapping
	@RequiresPermission(Permission.EMPLOYEES_VIEW)
	Page<EmployeeView> list(@RequestParam(required = false) @Nullable String q,
			@RequestParam(required = false) @Nullable String department,
			@RequestParam(required = false) @Nullable UUID designationId,
			@RequestParam(required = false) @Nullable EmployeeStatus status,
			@RequestParam(required = false) @Nullable String cursor,
			@RequestParam(required = false) @Nullable Integer limit) {
		return employees.list(new EmployeeManagement.Filter(q, department,
				designationId == null ? null : new DesignationId(designationId), status), cursor, limit);
	}

	@Operation(summary = "Create an employee")
	@PostMapping
	@RequiresPermission(Permission.EMPLOYEES_CREATE)
	ResponseEntity<EmployeeView> create(@RequestBody EmployeeInput input) {
		EmployeeView created = employees.create(input);
		return ResponseEntity.created(URI.create("/api/v1/employees/" + created.id())).body(created);
	}

	@Operation(summary = "Get an employee")
	@GetMapping("/{id}")
	@RequiresPermission(Permission.EMPLOYEES_VIEW)
	EmployeeView get(@PathVariable UUID id) {
		return employees.get(new EmployeeId(id));
	}

	@Operation(
			summary = "Change an employee (optimistic: send the version read); an explicit null clears leavingDate, designationId or userId")
	@PatchMapping("/{id}")
	@RequiresPermission(Permission.EMPLOYEES_EDIT)
	EmployeeView update(@PathVariable UUID id, @RequestBody EmployeePatch patch) {
		return employees.update(new EmployeeId(id), patch.input(), patch.cleared(), Map.of());
	}

	@Operation(summary = "Delete an employee, with a reason")
	@DeleteMapping("/{id}")
	@RequiresPermission(Permission.EMPLOYEES_DELETE)
	ResponseEntity<Void> delete(@PathVariable UUID id, @RequestBody(required = false) @Nullable Deletion body,
			@RequestParam(required = false) @Nullable String reason) {
		employees.delete(new EmployeeId(id), body == null ? null : body.version(),
				body != null && body.reason() != null ? body.reason() : reason);
		return ResponseEntity.noContent().build();
	}

}
