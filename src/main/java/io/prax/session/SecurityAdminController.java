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

	private final SessionSecuritySettings settings;

	private final AccountRecovery recovery;

	private final UserAdministration users;

	private final AccessPolicy access;

	private final PasswordHistory passwordHistory;

	SecurityAdminController(SessionSecuritySettings settings, AccountRecovery recovery, UserAdministration users,
			AccessPolicy access, PasswordHistory passwordHistory) {
		this.settings = settings;
		this.recovery = recovery;
		this.users = users;
		this.access = access;
		this.passwordHistory = passwordHistory;
	}

	@GetMapping("/admin/security-settings")
	@RequiresPermission(Permission.SETTINGS_VIEW)
	String settings(Model model) {
		return page(model, settings.lifetimes(), settings.mfaRequirement(), passwordHistory.historyCount(), Map.of(),
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
			settings
				.changeSecuritySettings(
						new SessionSecuritySettings.LifetimeChange(refreshLifetimeDays, rememberMeLifetimeDays,
								idleTimeoutMinutes),
						new SessionSecuritySettings.MfaRequirementChange(roles, mfaEveryone));
			if (passwordHistoryCount != null) {
				passwordHistory.changeHistoryCount(passwordHistoryCount);
			}
			redirect.addFlashAttribute("flash", "Security settings saved");
			return "redirect:/admin/security-settings";
		}, failure -> {
			Lifetimes asked = new Lifetimes(settings.lifetimes().accessTokenMinutes(), refreshLifetimeDays,
					rememberMeLifetimeDays, idleTimeoutMinutes);
			MfaRequirement current = settings.mfaRequirement();
			return page(model, asked, new MfaRequirement(current.alwaysRequiredFor(), roles, mfaEveryone),
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
			recovery.resetMfa(new UserId(SessionApiController.uuid(id, "user")));
			redirect.addFlashAttribute("flash",
					"Two-factor authentication was reset: the user sets it up again at their next sign-in");
			return "redirect:/admin/users/" + id;
		}, redirect, "Not reset: ", "redirect:/admin/users/" + id);
	}

	private String page(Model model, Lifetimes lifetimes, MfaRequirement mfa, int passwordHistoryCount,
			Map<String, String> errors, @Nullable String error) {
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
