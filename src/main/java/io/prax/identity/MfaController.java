package io.prax.identity;

import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import io.prax.platform.ProblemException;
import io.prax.platform.RetryLater;
import io.prax.platform.SignedInOnly;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Self-service two-factor authentication on "My security": set up TOTP (QR code and key,
 * confirmed by a first code), new backup codes and turning it off with the password.
 * Secrets and codes are rendered into this one answer only, never into a redirect's flash
 * (a cookie).
 */
@Controller
class MfaController {

	private final MfaManagement mfa;

	private final MfaStatus status;

	private final SecurityPage page;

	MfaController(MfaManagement mfa, MfaStatus status, SecurityPage page) {
		this.mfa = mfa;
		this.status = status;
		this.page = page;
	}

	@PostMapping("/me/mfa/totp")
	@SignedInOnly("one's own second factor: a new secret to scan")
	String enrol(Model model, HttpServletResponse response) {
		CurrentUser me = CurrentUser.require();
		try {
			model.addAttribute("enrolment", mfa.startEnrolment(me.id(), me.email(), me.tenantSlug()));
			return page.render(model, Map.of(), null);
		}
		catch (ProblemException ex) {
			return failed(model, response, ex.status(), ex.getMessage(), Map.of());
		}
	}

	@PostMapping("/me/mfa/totp/confirm")
	@SignedInOnly("one's own second factor, confirmed with its first code")
	String confirm(@RequestParam(defaultValue = "") String code, Model model, HttpServletResponse response) {
		CurrentUser me = CurrentUser.require();
		try {
			return codes(model, mfa.confirmEnrolment(me.id(), code),
					"Two-factor authentication is on. Save these backup codes now: they are shown only once.");
		}
		catch (ProblemException ex) {
			if (!MfaManagement.INVALID_CODE.equals(ex.code())) {
				return failed(model, response, ex.status(), ex.getMessage(), Map.of());
			}
			// A new secret, shown again, so the user scans the one that will be checked.
			model.addAttribute("enrolment", mfa.startEnrolment(me.id(), me.email(), me.tenantSlug()));
			return failed(model, response, HttpStatus.BAD_REQUEST, null, Map.of("code",
					"The code is not correct. Scan this new QR code and enter the code your app shows."));
		}
	}

	@PostMapping("/me/mfa/backup-codes")
	@SignedInOnly("one's own backup codes, after re-entering the password")
	String regenerate(@RequestParam(defaultValue = "") String password, Model model, HttpServletResponse response) {
		try {
			return codes(model, status.regenerateOwnBackupCodes(password),
					"New backup codes: the old ones no longer work. Save these now: they are shown only once.");
		}
		catch (RetryLater ex) {
			return locked(model, response, ex);
		}
		catch (ProblemException ex) {
			return failed(model, response, ex.status(), null, Map.of("regeneratePassword", passwordMessage(ex)));
		}
	}

	@PostMapping("/me/mfa/disable")
	@SignedInOnly("one's own second factor, after re-entering the password")
	String disable(@RequestParam(defaultValue = "") String password, Model model, HttpServletResponse response) {
		try {
			status.disableOwn(password);
			// Every session of the user ended with it, this one too.
			return "redirect:/login?signedOut";
		}
		catch (RetryLater ex) {
			return locked(model, response, ex);
		}
		catch (ProblemException ex) {
			if (MfaStatus.REQUIRED_BY_POLICY.equals(ex.code())) {
				return failed(model, response, ex.status(), ex.getMessage(), Map.of());
			}
			return failed(model, response, ex.status(), null, Map.of("disablePassword", passwordMessage(ex)));
		}
	}

	private String codes(Model model, List<String> codes, String notice) {
		model.addAttribute("backupCodes", codes);
		model.addAttribute("mfaNotice", notice);
		return page.render(model, Map.of(), null);
	}

	private String locked(Model model, HttpServletResponse response, RetryLater ex) {
		response.setHeader("Retry-After", Long.toString(ex.retryAfterSeconds()));
		return failed(model, response, ex.status(),
				"Too many wrong passwords. Try again in " + Math.max(1, (ex.retryAfterSeconds() + 59) / 60)
						+ " minutes, or ask your administrator to unlock your account.",
				Map.of());
	}

	private String failed(Model model, HttpServletResponse response, HttpStatus status, @Nullable String message,
			Map<String, String> fields) {
		response.setStatus(status.value());
		model.addAttribute("mfaError", message);
		model.addAttribute("mfaErrors", fields);
		return page.render(model, Map.of(), null);
	}

	private static String passwordMessage(ProblemException ex) {
		return "validation_failed".equals(ex.code()) ? "At most " + IdentityRules.MAX_PASSWORD_LENGTH + " characters"
				: "The password is not correct";
	}

}
