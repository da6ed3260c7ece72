package io.prax.payroll;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A payslip as the API and the pages show it. A finalized payslip renders from its frozen
 * {@code snapshot} (also answered, with {@code snapshotSha256}); a draft from the current
 * data.
 */
public record PayslipView(UUID id, UUID employeeId, @Nullable UUID runId, @Nullable UUID corrects,
		LocalDate periodStart, LocalDate periodEnd, PayslipStatus status, String currency,
		PayslipDocument.Employer employer, PayslipDocument.Person employee, List<PayslipDocument.Line> earnings,
		List<PayslipDocument.Line> deductions, String grossPay, String totalDeductions, String netPay,
		@Nullable PayslipDocument snapshot, @Nullable String snapshotSha256, boolean snapshotIntact,
		@Nullable Instant finalizedAt, long version, Instant createdAt, @Nullable UUID createdBy, Instant updatedAt,
		@Nullable UUID updatedBy) {
}
