package io.prax.payroll;

import java.time.LocalDate;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * An employee to create, or the fields to change: on update an absent (null) field stays as it is and an
 * empty string clears it. {@code version} is required on update.
 */
public record EmployeeInput(@Nullable String employeeCode, @Nullable String name, @Nullable String email,
		@Nullable String department, @Nullable UUID designationId, @Nullable LocalDate hireDate,
		@Nullable LocalDate leavingDate, @Nullable EmployeeStatus status, @Nullable String bankAccount,
		@Nullable String taxId, @Nullable UUID userId, @Nullable Salary salary, @Nullable Long version,
		@Nullable String reason) {
}
