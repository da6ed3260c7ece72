package io.prax.payroll;

import java.util.List;

import org.jspecify.annotations.Nullable;

/** A salary structure: its currency and its components, in the order they are applied and printed. */
public record Salary(@Nullable String currency, @Nullable List<SalaryComponent> components) {
}
