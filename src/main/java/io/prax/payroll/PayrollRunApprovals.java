package io.prax.payroll;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.prax.access.AccessPolicy;
import io.prax.access.Permission;
import io.prax.approval.ApprovableRecords;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Payroll runs are approved before they are finalized. What is signed: the period and
 * every payslip of the run with its lines and totals (a payslip changed or removed
 * afterwards changes the run).
 */
@Component
class PayrollRunApprovals implements ApprovableRecords {

	static final String RECORD_TYPE = "payroll_run";

	private final PayrollRuns runs;

	private final Payslips payslips;

	private final AccessPolicy access;

	PayrollRunApprovals(PayrollRuns runs, Payslips payslips, AccessPolicy access) {
		this.runs = runs;
		this.payslips = payslips;
		this.access = access;
	}

	@Override
	public String recordType() {
		return RECORD_TYPE;
	}

	@Override
	public String label() {
		return "Payroll run";
	}

	@Override
	public boolean visible(UUID id) {
		return access.can(Permission.PAYSLIPS_VIEW) && runs.findById(id).isPresent();
	}

	@Override
	public Optional<String> content(UUID id) {
		return runs.findById(id).map(run -> {
			List<Map<String, Object>> slips = new ArrayList<>();
			payslips.findByRun(run.id()).stream().sorted(Comparator.comparing(Payslip::id)).forEach(p -> {
				Map<String, Object> slip = new LinkedHashMap<>();
				slip.put("id", p.id().toString());
				slip.put("employeeId", p.employeeId().toString());
				slip.put("currency", p.currency());
				slip.put("lines", EmployeeManagement.JSON.readTree(p.lines()));
				slip.put("grossPay", p.grossPay().stripTrailingZeros().toPlainString());
				slip.put("totalDeductions", p.totalDeductions().stripTrailingZeros().toPlainString());
				slip.put("netPay", p.netPay().stripTrailingZeros().toPlainString());
				slips.add(slip);
			});
			Map<String, Object> content = new LinkedHashMap<>();
			content.put("recordType", RECORD_TYPE);
			content.put("id", run.id().toString());
			content.put("periodStart", run.periodStart().toString());
			content.put("periodEnd", run.periodEnd().toString());
			content.put("payslips", slips);
			return EmployeeManagement.JSON.writeValueAsString(content);
		});
	}

	@Override
	public String title(UUID id) {
		return runs.findById(id)
			.map(run -> "Payroll run " + run.periodStart() + " to " + run.periodEnd())
			.orElse("Payroll run");
	}

	@Override
	public String pagePath(UUID id) {
		return "/payroll-runs/" + id;
	}

	@Override
	public @Nullable String notSubmittable(UUID id) {
		return runs.findById(id)
			.filter(run -> run.status() == PayrollRunStatus.FINALIZED)
			.map(run -> "This payroll run is already finalized")
			.orElse(null);
	}

}
