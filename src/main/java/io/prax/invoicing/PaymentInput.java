package io.prax.invoicing;

import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;

import org.jspecify.annotations.Nullable;

/** A payment received: amount in the invoice's currency, and the day it was paid. */
public record PaymentInput(
		@Nullable @NotNull(message = "Enter the amount paid") @DecimalMin(value = "0", inclusive = false,
				message = "The amount must be more than 0") BigDecimal amount,
		@Nullable @NotNull(message = "Enter the day it was paid") LocalDate paidOn) {
}
