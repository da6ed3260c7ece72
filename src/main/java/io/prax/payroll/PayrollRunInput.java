package io.prax.payroll;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/** The period of a payroll run. */
public record PayrollRunInput(@Nullable LocalDate periodStart, @Nullable LocalDate periodEnd) {
}
