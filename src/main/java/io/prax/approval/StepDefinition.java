package io.prax.approval;

import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.jspecify.annotations.Nullable;

/**
 * One step of a workflow: {@code signers} distinct people must sign it. Who may: anyone
 * holding {@code approvals:approve} when {@code roles} and {@code designations} are both
 * empty, else those with one of the roles or designations; {@code customer} steps are
 * signed in the portal by a user of the customer the record is addressed to.
 */
public record StepDefinition(
		@NotBlank(message = "Name the step") @Size(max = 100,
				message = "Use at most {max} characters") @Nullable String name,
		@NotNull(message = "Say how many must sign") @Min(value = 1, message = "At least one signer") @Max(value = 10,
				message = "At most 10 signers") @Nullable Integer signers,
		@Size(max = 20, message = "At most {max} roles") @Nullable List<@NotBlank @Size(max = 100) String> roles,
		@Size(max = 20, message = "At most {max} designations") @Nullable List<@NotNull UUID> designations,
		@Nullable Boolean customer) {

	public List<String> rolesOrEmpty() {
		return roles == null ? List.of() : roles;
	}

	public List<UUID> designationsOrEmpty() {
		return designations == null ? List.of() : designations;
	}

	public boolean byCustomer() {
		return Boolean.TRUE.equals(customer);
	}

	public int required() {
		return signers == null ? 1 : signers;
	}
}
