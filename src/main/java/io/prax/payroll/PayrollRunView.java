package io.prax.payroll;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** A payroll run with the payslips it includes and its totals per currency. */
public record PayrollRunView(UUID id, LocalDate periodStart, LocalDate periodEnd, PayrollRunStatus status,
		int employeeCount, List<Totals> totals, List<Entry> payslips, @Nullable Instant finalizedAt, long version,
		Instant createdAt, @Nullable UUID createdBy) {

	public record Totals(String currency, String grossPay, String totalDeductions, String netPay) {
	}

	public record Entry(UUID payslipId, UUID employeeId, String employeeName, String employeeCode, PayslipStatus status,
			String currency, String grossPay, String totalDeductions, String netPay) {
	}
}
