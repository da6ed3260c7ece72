package io.prax.invoicing;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.jspecify.annotations.Nullable;

/**
 * A credit note: the reason, and the original's line numbers to reverse (all lines when
 * absent).
 */
public record CreditNoteInput(
		@Nullable @NotBlank(message = "Give a reason for the credit note") @Size(max = 1000) String reason,
		@Nullable @Size(max = 200) List<Integer> lines) {
}
