package io.prax.approval;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.jspecify.annotations.Nullable;

/**
 * A signature meaning of the tenant's controlled vocabulary (21 CFR 11.50(a)(3)):
 * {@code code} is what the API takes, {@code label} what is printed; a meaning that
 * {@code rejects} ends the approval.
 */
public record Meaning(
		@NotBlank(message = "Give a code") @Pattern(regexp = "[A-Z][A-Z_]{0,39}",
				message = "Capitals and _, at most 40") @Nullable String code,
		@NotBlank(message = "Give a label") @Size(max = 100,
				message = "Use at most {max} characters") @Nullable String label,
		@Nullable Boolean rejects) {

	public boolean rejecting() {
		return Boolean.TRUE.equals(rejects);
	}
}
