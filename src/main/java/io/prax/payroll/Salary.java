package io.prax.payroll;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import io.prax.platform.IsoCurrency;
import org.jspecify.annotations.Nullable;

/**
 * A salary structure: its currency and its components, in the order they are applied and
 * printed.
 */
public record Salary(
		@NotBlank(message = "Enter the salary currency") @IsoCurrency(
				message = "Use an ISO 4217 currency code, e.g. EUR") @Nullable String currency,
		@Size(max = 50, message = "Use at most {max} components") @Nullable List<@Valid @NotNull(
				message = "Describe the component") SalaryComponent> components) {
}
