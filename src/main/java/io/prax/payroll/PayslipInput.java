package io.prax.payroll;

import java.time.LocalDate;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A payslip to create: for an employee and a period, or a correction of a finalized
 * payslip ({@code corrects}).
 */
public record PayslipInput(@Nullable UUID employeeId, @Nullable LocalDate periodStart, @Nullable LocalDate periodEnd,
		@Nullable UUID corrects) {
}
