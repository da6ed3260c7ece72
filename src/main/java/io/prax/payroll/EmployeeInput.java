package io.prax.payroll;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import io.prax.platform.EmailAddress;
import io.prax.platform.Validation.OnCreate;
import io.prax.platform.Validation.OnUpdate;
import org.jspecify.annotations.Nullable;

/**
 * An employee to create, or the fields to change: on update an absent (null) field stays
 * as it is and an empty string clears it; {@code leavingDate}, {@code designationId} and
 * {@code userId} are cleared by an explicit JSON null ({@link EmployeePatch}).
 * {@code version} is required on update. The API and the employee form are checked by
 * these constraints (through {@link EmployeeValidation}); rules that need data (a code
 * already taken, an unknown designation or user) are checked by
 * {@link EmployeeManagement}.
 */
public record EmployeeInput(
		@NotBlank(groups = OnCreate.class, message = "Enter the employee code") @Pattern(regexp = NOT_EMPTY,
				groups = OnUpdate.class, message = "The employee code cannot be empty") @Size(max = 50,
						message = TOO_LONG) @Nullable String employeeCode,
		@NotBlank(groups = OnCreate.class, message = "Enter the employee's name") @Pattern(regexp = NOT_EMPTY,
				groups = OnUpdate.class,
				message = "The name cannot be empty") @Size(max = 200, message = TOO_LONG) @Nullable String name,
		@EmailAddress @Nullable String email, @Size(max = 100, message = TOO_LONG) @Nullable String department,
		@Nullable UUID designationId,
		@NotNull(groups = OnCreate.class, message = "Enter the hire date") @Nullable LocalDate hireDate,
		@Nullable LocalDate leavingDate, @Nullable EmployeeStatus status, @ValidIban @Nullable String bankAccount,
		@TaxIdentifier @Nullable String taxId, @Nullable UUID userId,
		@NotNull(groups = OnCreate.class,
				message = "Enter the salary structure: its currency and components") @Valid @Nullable Salary salary,
		@NotNull(groups = OnUpdate.class, message = VERSION_REQUIRED) @Nullable Long version,
		@Size(max = 1000, message = TOO_LONG) @Nullable String reason) {

	static final String TOO_LONG = "Use at most {max} characters";
	static final String NOT_EMPTY = "(?s).*\\S.*";
	static final String VERSION_REQUIRED = "Send the version you edited, to detect conflicting changes";

}
