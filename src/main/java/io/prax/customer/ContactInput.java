package io.prax.customer;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import io.prax.platform.EmailAddress;
import io.prax.platform.Validation.OnCreate;
import io.prax.platform.Validation.OnUpdate;
import org.jspecify.annotations.Nullable;

/**
 * A contact person to add, or the fields to change (same rules as {@link CustomerInput}).
 */
public record ContactInput(
		@NotBlank(groups = OnCreate.class, message = "Enter the contact's name") @Pattern(
				regexp = CustomerInput.NOT_EMPTY, groups = OnUpdate.class, message = "The name cannot be empty") @Size(
						max = 200, message = CustomerInput.TOO_LONG) @Nullable String name,
		@EmailAddress @Nullable String email, @Size(max = 50, message = CustomerInput.TOO_LONG) @Nullable String phone,
		@Size(max = 100, message = CustomerInput.TOO_LONG) @Nullable String position,
		@NotNull(groups = OnUpdate.class, message = CustomerInput.VERSION_REQUIRED) @Nullable Long version,
		@Size(max = 1000, message = CustomerInput.TOO_LONG) @Nullable String reason) {
}
