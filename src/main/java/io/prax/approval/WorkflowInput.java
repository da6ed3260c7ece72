package io.prax.approval;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;

import org.jspecify.annotations.Nullable;

/**
 * A record type's workflow: its steps in order, whether that order is enforced
 * ({@code ordered}, default true) and whether the submitter may sign it too
 * ({@code selfApproval}, default false).
 */
public record WorkflowInput(
		@NotBlank(message = "Name the workflow") @Size(max = 200,
				message = "Use at most {max} characters") @Nullable String name,
		@NotEmpty(message = "Add at least one step") @Size(max = 20,
				message = "At most {max} steps") @Nullable List<@Valid StepDefinition> steps,
		@Nullable Boolean ordered, @Nullable Boolean selfApproval, @Nullable Long version) {
}
