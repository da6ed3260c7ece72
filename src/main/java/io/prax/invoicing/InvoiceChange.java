package io.prax.invoicing;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.jspecify.annotations.Nullable;

/**
 * Changes to a draft: absent fields stay, {@code lines} replaces all lines;
 * {@code version} must be current.
 */
public record InvoiceChange(@Nullable UUID customerId, @Nullable @IsoCurrency String currency,
		@Nullable LocalDate issueDate, @Nullable LocalDate dueDate,
		@Nullable @Size(max = 200, message = "Use at most 200 lines") List<@Valid LineInput> lines,
		@Nullable @Size(max = 2000) String notes,
		@Nullable @NotNull(message = "Send the version you edited, to detect conflicting changes") Long version,
		@Nullable @Size(max = 1000) String reason) {
}
