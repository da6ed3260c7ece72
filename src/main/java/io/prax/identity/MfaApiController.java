package io.prax.identity;

import java.util.List;

import io.prax.platform.SignedInOnly;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The signed-in user's own second factor. The two enrolment endpoints are also open to a
 * sign-in that must enrol before it can complete (its {@code mfaToken} as bearer token).
 */
@Tag(name = "Me", description = "The signed-in user's own account")
@RestController
@RequestMapping("/api/v1/me/mfa")
class MfaApiController {

	private final MfaManagement mfa;

	private final MfaStatus status;

	MfaApiController(MfaManagement mfa, MfaStatus status) {
		this.mfa = mfa;
		this.status = status;
	}

	record Confirmation(@Nullable String code) {
	}

	record PasswordReentry(@Nullable String password) {
	}

	record BackupCodesResponse(List<String> backupCodes) {
	}

	@Operation(summary = "Start TOTP enrolment: a new secret, its otpauth URI and QR code")
	@PostMapping("/totp")
	@SignedInOnly("one's own second factor")
	MfaManagement.TotpEnrolment enrol() {
		CurrentUser me = CurrentUser.require();
		return mfa.startEnrolment(me.id(), me.email(), me.tenantSlug());
	}

	@Operation(summary = "Confirm TOTP enrolment with a first code; answers 10 backup codes, shown once")
	@PostMapping("/totp/confirm")
	@SignedInOnly("one's own second factor, confirmed with its first code")
	BackupCodesResponse confirm(@RequestBody Confirmation body) {
		return new BackupCodesResponse(mfa.confirmEnrolment(CurrentUser.require().id(), body.code()));
	}

	/** New backup codes after re-entering the password; the old ones stop working. */
	@Operation(summary = "Replace the backup codes (password re-entered)")
	@PostMapping("/backup-codes")
	@SignedInOnly("one's own backup codes, after re-entering the password")
	BackupCodesResponse regenerate(@RequestBody PasswordReentry body) {
		return new BackupCodesResponse(status.regenerateOwnBackupCodes(body.password()));
	}

	/**
	 * Turns one's own MFA off after re-entering the password; every session of the user
	 * ends. 409 {@code mfa_required_by_policy} when the workspace requires MFA of the
	 * user.
	 */
	@Operation(summary = "Turn MFA off (password re-entered); refused when the workspace requires it of you")
	@DeleteMapping
	@SignedInOnly("one's own second factor, after re-entering the password")
	ResponseEntity<Void> disable(@RequestBody PasswordReentry body) {
		status.disableOwn(body.password());
		return ResponseEntity.noContent().build();
	}

}
