package io.prax.payroll;

import java.math.BigDecimal;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.jspecify.annotations.Nullable;

/**
 * One component of a salary structure: a fixed {@code amount} per period or a
 * {@code rate} (fraction) of gross earnings.
 */
@AmountOrRate
public record SalaryComponent(
		@NotBlank(message = "Name the component") @Size(max = 100,
				message = EmployeeInput.TOO_LONG) @Nullable String name,
		@NotNull(message = "Choose EARNING or DEDUCTION") @Nullable ComponentKind kind,
		@DecimalMin(value = "0", message = AMOUNT) @Digits(integer = 12, fraction = 4,
				message = AMOUNT) @Nullable BigDecimal amount,
		@DecimalMin(value = "0", message = RATE) @DecimalMax(value = "1", message = RATE) @Digits(integer = 1,
				fraction = 6, message = RATE) @Nullable BigDecimal rate) {

	static final String AMOUNT = "Use a non-negative amount with at most four decimals";
	static final String RATE = "Use a rate from 0 to 1, e.g. 0.05";

}
