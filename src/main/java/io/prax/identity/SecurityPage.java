package io.prax.identity;

import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * The model of "My security" shared by its handlers: the password card and the two-factor
 * card.
 */
@Component
class SecurityPage {

	static final String VIEW = "identity/security";

	private final MfaStatus status;

	SecurityPage(MfaStatus status) {
		this.status = status;
	}

	/** The page with the password form's errors, if any. */
	String render(Model model, Map<String, String> errors, @Nullable String error) {
		model.addAttribute("activeNav", "me-security");
		model.addAttribute("errors", errors);
		model.addAttribute("error", error);
		model.addAttribute("mfa", status.of(CurrentUser.require().id()));
		if (!model.containsAttribute("mfaErrors")) {
			model.addAttribute("mfaErrors", Map.of());
		}
		return VIEW;
	}

}
