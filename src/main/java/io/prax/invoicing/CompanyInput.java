package io.prax.invoicing;

import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.jspecify.annotations.Nullable;

/**
 * The company details to store (a full replacement); {@code version} detects a concurrent
 * change.
 */
public record CompanyInput(@Nullable @NotBlank(message = "Enter the company's legal name") @Size(max = 200) String name,
		@Nullable @Valid PostalAddress address, @Nullable @Size(max = 50) String taxId,
		@Nullable @Email(message = "Enter a valid email address, like billing@example.com") @Size(
				max = 254) String email,
		@Nullable @Size(max = 50) String phone,
		@Nullable @NotNull(message = "Choose the default currency") @IsoCurrency String defaultCurrency,
		@Nullable @NotNull(message = "Enter the payment terms in days") @Min(0) @Max(365) Integer paymentTermsDays,
		@Nullable @Size(max = 1000) String bankDetails,
		@Nullable @Pattern(regexp = "^[A-Za-z0-9/_-]{0,12}$",
				message = "Use up to 12 letters, digits, -, _ or /") String invoiceNumberPrefix,
		@Nullable UUID logoDocumentId, @Nullable Long version) {
}
