package io.prax.payroll;

import java.math.BigDecimal;

import org.jspecify.annotations.Nullable;

/**
 * A one-off earning or deduction on a draft payslip: a bonus, a reimbursement, an advance
 * to recover.
 */
public record Adjustment(@Nullable ComponentKind kind, @Nullable String description, @Nullable BigDecimal amount) {
}
