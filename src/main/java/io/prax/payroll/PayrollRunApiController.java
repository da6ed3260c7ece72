package io.prax.payroll;

import java.net.URI;
import java.util.UUID;

import io.prax.access.Permission;
import io.prax.access.RequiresPermission;
import io.prax.platform.Page;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Payroll runs", description = "The draft payslips of every active employee of a period, finalized together")
@RestController
@RequestMapping("/api/v1/payroll-runs")
class PayrollRunApiController {

	private final PayrollRunManagement runs;

	PayrollRunApiController(PayrollRunManagement runs) {
		this.runs = runs;
	}

	@Operation(summary = "List payroll runs, newest period first")
	@GetMapping
	@RequiresPermission(Permission.PAYSLIPS_VIEW)
	Page<PayrollRunView> list(@RequestParam(required = false) @Nullable String cursor,
			@RequestParam(required = false) @Nullable Integer limit) {
		return runs.page(cursor, limit);
	}

	@Operation(summary = "Create a payroll run: a draft payslip for every active employee of the period")
	@PostMapping
	@RequiresPermission(Permission.PAYSLIPS_CREATE)
	ResponseEntity<PayrollRunView> create(@RequestBody PayrollRunInput input) {
		PayrollRunView created = runs.create(input);
		return ResponseEntity.created(URI.create("/api/v1/payroll-runs/" + created.id())).body(created);
	}

	@Operation(summary = "Get a payroll run with its payslips and totals")
	@GetMapping("/{id}")
	@RequiresPermission(Permission.PAYSLIPS_VIEW)
	PayrollRunView get(@PathVariable UUID id) {
		return runs.get(new PayrollRunId(id));
	}

	@Operation(summary = "Finalize every payslip of the run in one transaction")
	@PostMapping("/{id}/finalize")
	@RequiresPermission(Permission.PAYSLIPS_FINALIZE)
	PayrollRunView finalizeRun(@PathVariable UUID id) {
		return runs.finalize(new PayrollRunId(id));
	}

}
