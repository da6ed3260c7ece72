package io.prax.identity;

import java.util.Map;

import io.prax.platform.ProblemException;
import io.prax.platform.PublicEndpoint;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The page behind invitation and reset links. */
@Controller
class PasswordController {

	private final PasswordLinks links;

	PasswordController(PasswordLinks links) {
		this.links = links;
	}

	@GetMapping("/password/set")
	@PublicEndpoint("one-time link from an invitation or reset mail")
	String form(@RequestParam(defaultValue = "") String token, Model model) {
		String error = links.tokenUsable(token) ? null
				: "This link is invalid, already used or expired. Ask your administrator for a new one.";
		return page(model, token, Map.of(), error);
	}

	@PostMapping("/password/set")
	@PublicEndpoint("one-time link from an invitation or reset mail")
	String set(@RequestParam(defaultValue = "") String token, @RequestParam(defaultValue = "") String newPassword,
			@RequestParam(defaultValue = "") String confirmPassword, Model model) {
		if (!newPassword.equals(confirmPassword)) {
			return page(model, token, Map.of("confirmPassword", "The two passwords are not the same"), null);
		}
		try {
			links.setPasswordWithToken(token, newPassword);
			return "redirect:/login?passwordSet";
		}
		catch (ProblemException ex) {
			if (ex.code().startsWith("password_")) {
				model.addAttribute("passwordRule", ex.code());
				return page(model, token, Map.of("newPassword", ex.getMessage()), null);
			}
			return page(model, token, Map.of(), ex.getMessage());
		}
	}

	private String page(Model model, String token, Map<String, String> errors, @Nullable String error) {
		model.addAttribute("token", token);
		model.addAttribute("errors", errors);
		model.addAttribute("error", error);
		return "auth/password-set";
	}

}
