package io.prax.customer;

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
 * A customer to create, or the fields to change: on update an absent (null) field stays
 * as it is and an empty string clears it. {@code version} is required on update,
 * {@code reason} is optional.
 */
public record CustomerInput(
		@NotBlank(groups = OnCreate.class, message = "Enter the customer's name") @Pattern(regexp = NOT_EMPTY,
				groups = OnUpdate.class,
				message = "The name cannot be empty") @Size(max = 200, message = TOO_LONG) @Nullable String name,
		@EmailAddress @Nullable String email, @Size(max = 50, message = TOO_LONG) @Nullable String phone,
		@Size(max = 50, message = TOO_LONG) @Nullable String taxId, @Valid @Nullable Address billingAddress,
		@NotNull(groups = OnUpdate.class, message = VERSION_REQUIRED) @Nullable Long version,
		@Size(max = 1000, message = TOO_LONG) @Nullable String reason) {

	static final String TOO_LONG = "Use at most {max} characters";
	static final String NOT_EMPTY = "(?s).*\\S.*";
	static final String VERSION_REQUIRED = "Send the version you edited, to detect conflicting changes";

}
