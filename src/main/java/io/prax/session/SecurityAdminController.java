package io.prax.session;

import java.util.List;
import java.util.Map;

import io.prax.access.AccessPolicy;
import io.prax.access.Permission;
import io.prax.access.RequiresPermission;
import io.prax.access.UserAdministration;
import io.prax.identity.PasswordHistory;
import io.prax.identity.UserId;
import io.prax.platform.Forms;
import io.prax.platform.ProblemException;
import io.prax.platform.RequiresRecentAuthentication;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Administrators' security pages of the session module: the workspace's security settings
 * (session lifetimes, who must use MFA, password history) and resetting a user's MFA.
 * Both changes need a recent proof, as in the API.
 */
@Controller
class SecurityAdminController {

	private final SessionManagement sessions;

	private final UserAdministration users;

	private final AccessPolicy access;

	private final PasswordHistory passwordHistory;

	SecurityAdminController(SessionManagement sessions, UserAdministration users, AccessPolicy access,
			PasswordHistory passwordHistory) {
		this.sessions = sessions;
		this.users = users;
		this.access = access;
		this.passwordHistory = passwordHistory;
	}

	@GetMapping("/admin/security-settings")
	@RequiresPermission(Permission.SETTINGS_VIEW)
	String settings(Model model) {
		return page(model, sessions.lifetimes(), sessions.mfaRequirement(), passwordHistory.historyCount(), Map.of(),
				null);
	}

	@PostMapping("/admin/security-settings")
	@RequiresRecentAuthentication
	@RequiresPermission(Permission.SETTINGS_EDIT)
	String change(@RequestParam(defaultValue = "-1") int refreshLifetimeDays,
			@RequestParam(defaultValue = "-1") int rememberMeLifetimeDays,
			@RequestParam(defaultValue = "-1") int idleTimeoutMinutes,
			@RequestParam(required = false) @Nullable List<String> mfaRoles,
			@RequestParam(defaultValue = "false") boolean mfaEveryone,
			@RequestParam(required = false) @Nullable Integer passwordHistoryCount, Model model,
			RedirectAttributes redirect) {
		List<String> roles = mfaRoles == null ? List.of() : mfaRoles;
		return Forms.submit(() -> {
			// Checked before anything is saved, so a refused count leaves the rest
			// unchanged too.
			if (passwordHistoryCount != null
					&& (passwordHistoryCount < 0 || passwordHistoryCount > PasswordHistory.MAX_COUNT)) {
				throw ProblemException
					.validation(Map.of("passwordHistoryCount", "Enter 0 (off) to " + PasswordHistory.MAX_COUNT));
			}
			sessions.changeSecuritySettings(new SessionManagement.LifetimeChange(refreshLifetimeDays,
					rememberMeLifetimeDays, idleTimeoutMinutes),
					new SessionManagement.MfaRequirementChange(roles, mfaEveryone));
			if (passwordHistoryCount != null) {
				passwordHistory.changeHistoryCount(passwordHistoryCount);
			}
			redirect.addFlashAttribute("flash", "Security settings saved");
			return "redirect:/admin/security-settings";
		}, failure -> {
			SessionManagement.Lifetimes asked = new SessionManagement.Lifetimes(
					sessions.lifetimes().accessTokenMinutes(), refreshLifetimeDays, rememberMeLifetimeDays,
					idleTimeoutMinutes);
			SessionManagement.MfaRequirement current = sessions.mfaRequirement();
			return page(model, asked,
					new SessionManagement.MfaRequirement(current.alwaysRequiredFor(), roles, mfaEveryone),
					passwordHistoryCount != null ? passwordHistoryCount : passwordHistory.historyCount(),
					failure.fields(), failure.message());
		});
	}

	/**
	 * From the user's admin page: they enrol again at their next sign-in; audited; their
	 * sessions end.
	 */
	@PostMapping("/admin/users/{id}/mfa/reset")
	@RequiresRecentAuthentication
	@RequiresPermission(Permission.USERS_EDIT)
	String resetMfa(@PathVariable String id, RedirectAttributes redirect) {
		return Forms.submit(() -> {
			sessions.resetMfa(new UserId(SessionApiController.uuid(id, "user")));
			redirect.addFlashAttribute("flash",
					"Two-factor authentication was reset: the user sets it up again at their next sign-in");
			return "redirect:/admin/users/" + id;
		}, redirect, "Not reset: ", "redirect:/admin/users/" + id);
	}

	private String page(Model model, SessionManagement.Lifetimes lifetimes, SessionManagement.MfaRequirement mfa,
			int passwordHistoryCount, Map<String, String> errors, @Nullable String error) {
		model.addAttribute("activeNav", "admin-security");
		model.addAttribute("lifetimes", lifetimes);
		model.addAttribute("mfa", mfa);
		model.addAttribute("passwordHistoryCount", passwordHistoryCount);
		model.addAttribute("maxPasswordHistoryCount", PasswordHistory.MAX_COUNT);
		model.addAttribute("roleNames", users.roleNames());
		model.addAttribute("canEdit", access.can(Permission.SETTINGS_EDIT));
		model.addAttribute("errors", errors);
		model.addAttribute("error", error);
		return "admin/security-settings";
	}

}
