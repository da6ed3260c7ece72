package io.prax.approval;

import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.jspecify.annotations.Nullable;

/** Submit a record for approval. */
public record ApprovalRequest(
		@NotBlank(message = "Say which kind of record") @Size(max = 40,
				message = "Use at most {max} characters") @Nullable String recordType,
		@NotNull(message = "Say which record") @Nullable UUID recordId) {
}
