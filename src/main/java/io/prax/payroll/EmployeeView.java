package io.prax.payroll;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * An employee as the API and the pages show it. {@code bankAccount} and {@code taxId} are
 * masked ({@code •••• 3456}) unless the caller holds {@code employees:edit}.
 */
public record EmployeeView(UUID id, String employeeCode, String name, @Nullable String email,
		@Nullable String department, @Nullable UUID designationId, @Nullable String designationName, LocalDate hireDate,
		@Nullable LocalDate leavingDate, EmployeeStatus status, @Nullable String bankAccount, @Nullable String taxId,
		@Nullable UUID userId, Salary salary, long version, Instant createdAt, @Nullable UUID createdBy,
		Instant updatedAt, @Nullable UUID updatedBy) {
}
