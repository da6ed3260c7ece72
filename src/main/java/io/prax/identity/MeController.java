package io.prax.identity;

import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import io.prax.platform.ProblemException;
import io.prax.platform.SignedInOnly;
import io.prax.platform.RetryLater;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The signed-in user's own pages: profile and security (password; two-factor in
 * {@link MfaController}).
 */
@Controller
class MeController {

	private final OwnPassword ownPassword;

	private final SecurityPage securityPage;

	MeController(OwnPassword ownPassword, SecurityPage securityPage) {
		this.ownPassword = ownPassword;
		this.securityPage = securityPage;
	}

	@GetMapping("/me")
	@SignedInOnly("one's own profile")
	String profile(Model model) {
		model.addAttribute("activeNav", "me");
		model.addAttribute("user", CurrentUser.require());
		return "identity/profile";
	}

	@GetMapping("/me/security")
	@SignedInOnly("one's own security page")
	String security(Model model) {
		return securityPage(model, Map.of(), null);
	}

	@PostMapping("/me/password")
	@SignedInOnly("one's own password, confirmed with the current one")
	String changePassword(@RequestParam(defaultValue = "") String currentPassword,
			@RequestParam(defaultValue = "") String newPassword,
			@RequestParam(defaultValue = "") String confirmPassword, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		if (!newPassword.equals(confirmPassword)) {
			return securityPage(model, Map.of("confirmPassword", "The two passwords are not the same"), null);
		}
		try {
			ownPassword.changeOwnPassword(currentPassword, newPassword);
			redirect.addFlashAttribute("flash", "Password changed. Your other sessions have been signed out.");
			return "redirect:/me/security";
		}
		catch (RetryLater ex) {
			response.setStatus(ex.status().value());
			response.setHeader("Retry-After", Long.toString(ex.retryAfterSeconds()));
			return securityPage(model, Map.of(),
					PasswordChangeGuard.TOO_MANY_ATTEMPTS.equals(ex.code())
							? "Too many wrong current passwords. Try again in "
									+ Math.max(1, (ex.retryAfterSeconds() + 59) / 60)
									+ " minutes, or ask your administrator to unlock your account."
							: "Prax is busy right now. Try again in a moment.");
		}
		catch (ProblemException ex) {
			String field = "invalid_current_password".equals(ex.code()) ? "currentPassword" : "newPassword";
			if (ex.code().startsWith("password_")) {
				model.addAttribute("passwordRule", ex.code());
			}
			return securityPage(model, Map.of(field, ex.getMessage()), null);
		}
	}

	private String securityPage(Model model, Map<String, String> errors, @Nullable String error) {
		return securityPage.render(model, errors, error);
	}

}
