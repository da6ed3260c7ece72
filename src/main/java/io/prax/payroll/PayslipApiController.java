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
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Payslips", description = "Payslips computed from salary structures, frozen and locked when finalized")
@RestController
@RequestMapping("/api/v1/payslips")
class PayslipApiController {

	private final PayslipManagement payslips;

	private final PayslipPdf pdf;

	PayslipApiController(PayslipManagement payslips, PayslipPdf pdf) {
		this.payslips = payslips;
		this.pdf = pdf;
	}

	/** Body of a DELETE: the reason is required, the version optional. */
	record Deletion(@Nullable String reason, @Nullable Long version) {
	}

	@Operation(summary = "List an employee's payslips, newest period first")
	@GetMapping
	@RequiresPermission(Permission.PAYSLIPS_VIEW)
	Page<PayslipView> list(@RequestParam(required = false) @Nullable UUID employeeId,
			@RequestParam(required = false) @Nullable String cursor,
			@RequestParam(required = false) @Nullable Integer limit) {
		return payslips.list(employeeId == null ? null : new EmployeeId(employeeId), cursor, limit);
	}

	@Operation(summary = "Compute a draft payslip for an employee and a period, or a correction of a finalized one")
	@PostMapping
	@RequiresPermission(Permission.PAYSLIPS_CREATE)
	ResponseEntity<PayslipView> create(@RequestBody PayslipInput input) {
		PayslipView created = payslips.create(input);
		return ResponseEntity.created(URI.create("/api/v1/payslips/" + created.id())).body(created);
	}

	@Operation(summary = "Get a payslip; a finalized one is answered from its frozen snapshot")
	@GetMapping("/{id}")
	@RequiresPermission(Permission.PAYSLIPS_VIEW)
	PayslipView get(@PathVariable UUID id) {
		return payslips.get(new PayslipId(id));
	}

	@Operation(summary = "Recompute a draft payslip with its one-off earnings and deductions (finalized: 423)")
	@PatchMapping("/{id}")
	@RequiresPermission(Permission.PAYSLIPS_EDIT)
	PayslipView update(@PathVariable UUID id, @RequestBody PayslipChange change) {
		return payslips.update(new PayslipId(id), change);
	}

	@Operation(summary = "Delete a draft payslip, with a reason (finalized: 423)")
	@DeleteMapping("/{id}")
	@RequiresPermission(Permission.PAYSLIPS_DELETE)
	ResponseEntity<Void> delete(@PathVariable UUID id, @RequestBody(required = false) @Nullable Deletion body,
			@RequestParam(required = false) @Nullable String reason) {
		payslips.delete(new PayslipId(id), body == null ? null : body.version(),
				body != null && body.reason() != null ? body.reason() : reason);
		return ResponseEntity.noContent().build();
	}

	@Operation(summary = "Finalize a payslip: freeze its snapshot with its SHA-256 and lock it")
	@PostMapping("/{id}/finalize")
	@RequiresPermission(Permission.PAYSLIPS_FINALIZE)
	PayslipView finalizePayslip(@PathVariable UUID id) {
		return payslips.finalize(new PayslipId(id));
	}

	@Operation(summary = "Download the payslip as PDF")
	@GetMapping("/{id}/pdf")
	@RequiresPermission(Permission.PAYSLIPS_EXPORT)
	ResponseEntity<byte[]> pdf(@PathVariable UUID id) {
		return pdf.answer(payslips.get(new PayslipId(id)));
	}

}
