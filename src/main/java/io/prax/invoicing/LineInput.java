package io.prax.invoicing;

import java.math.BigDecimal;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.jspecify.annotations.Nullable;

/**
 * An invoice line as entered: amounts are decimal strings or numbers, the tax rate a
 * fraction ("0.19").
 */
public record LineInput(@Nullable @NotBlank(message = "Describe the line") @Size(max = 500) String description,
		@Nullable @NotNull(message = "Enter a quantity") @DecimalMin(value = "0", inclusive = false,
				message = "The quantity must be more than 0") @Digits(integer = 9, fraction = 4,
						message = "Use at most 9 digits and 4 decimals") BigDecimal quantity,
		@Nullable @NotNull(message = "Enter a unit price") @DecimalMin(value = "0",
				message = "The unit price cannot be negative") @Digits(integer = 12, fraction = 6,
						message = "Use at most 12 digits and 6 decimals") BigDecimal unitPrice,
		@Nullable @NotNull(message = "Enter a tax rate (0 for none)") @DecimalMin(value = "0",
				message = "The tax rate cannot be negative") @DecimalMax(value = "1",
						message = "The tax rate is a fraction: 0.19 for 19%") @Digits(integer = 1, fraction = 4,
								message = "Use at most 4 decimals") BigDecimal taxRate) {
}
