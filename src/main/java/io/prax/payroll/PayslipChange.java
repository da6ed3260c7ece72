package io.prax.payroll;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A change of a draft payslip: it is recomputed from the salary structure in force, with
 * these one-off earnings and deductions (replacing the previous ones; absent keeps them).
 * {@code version} is required.
 */
public record PayslipChange(@Nullable List<Adjustment> adjustments, @Nullable Long version, @Nullable String reason) {
}
