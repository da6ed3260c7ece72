package io.prax.payroll;

import java.math.BigDecimal;

import org.jspecify.annotations.Nullable;

/**
 * One computed line of a payslip: a component of the salary structure (with its
 * {@code rate} when it is one) or a one-off earning or deduction with its
 * {@code description}. Amounts at the currency's minor unit.
 */
record PayslipLine(String name, ComponentKind kind, @Nullable String description, @Nullable BigDecimal rate,
		BigDecimal amount, boolean oneOff) {
}
