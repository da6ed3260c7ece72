package io.prax.payroll;

import java.math.BigDecimal;

import org.jspecify.annotations.Nullable;

/** One component of a salary structure: a fixed {@code amount} per period or a {@code rate} (fraction) of gross earnings. */
public record SalaryComponent(@Nullable String name, @Nullable ComponentKind kind, @Nullable BigDecimal amount,
		@Nullable BigDecimal rate) {
}
