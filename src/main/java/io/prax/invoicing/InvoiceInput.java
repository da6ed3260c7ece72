package io.prax.invoicing;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.jspecify.annotations.Nullable;

/**
 * A new draft. Without {@code currency} the company's default applies; without
 * {@code dueDate}, the issue date (or today) plus the company's payment terms.
 */
public record InvoiceInput(@Nullable @NotNull(message = "Choose the customer") UUID customerId,
		@Nullable @IsoCurrency String currency, @Nullable LocalDate issueDate, @Nullable LocalDate dueDate,
		@Nullable @Size(max = 200, message = "Use at most 200 lines") List<@Valid LineInput> lines,
		@Nullable @Size(max = 2000) String notes) {
}
