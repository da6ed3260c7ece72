package io.prax.approval;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.jspecify.annotations.Nullable;

/**
 * A signature: the password (and {@code totpCode}, a TOTP or backup code, when enrolled)
 * re-entered in this very request, a meaning of the tenant's vocabulary, an optional
 * comment. Never logged.
 */
public record SignatureInput(
		@NotBlank(message = "Enter your password to sign") @Size(max = 1024,
				message = "Use at most {max} characters") @Nullable String password,
		@Size(max = 32, message = "Use at most {max} characters") @Nullable String totpCode,
		@NotBlank(message = "Choose what your signature means") @Size(max = 40,
				message = "Use at most {max} characters") @Nullable String meaning,
		@Size(max = 1000, message = "Use at most {max} characters") @Nullable String comment) {

	@Override
	public String toString() {
		return "SignatureInput[meaning=" + meaning + "]";
	}
}
