package io.prax.access;

import java.util.List;
import java.util.Map;
import java.util.Set;

import io.prax.identity.Tier;
import io.prax.platform.Forms;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

@Controller
@RequestMapping("/admin/users")
class UserAdminController {

	private final UserAdministration users;

	private final AccessPolicy access;

	private final GrantPolicy grants;

	private final io.prax.identity.MfaManagement mfa;

	private final io.prax.identity.MfaStatus mfaStatus;

	UserAdminController(UserAdministration users, AccessPolicy access, GrantPolicy grants,
			io.prax.identity.MfaManagement mfa, io.prax.identity.MfaStatus mfaStatus) {
		this.mfa = mfa;
		this.mfaStatus = mfaStatus;
		this.users = users;
		this.access = access;
		this.grants = grants;
	}

	record InviteForm(@Nullable String email, @Nullable String name, @Nullable String tier, @Nullable String role) {

		static InviteForm empty() {
			return new InviteForm(null, null, "EMPLOYEE", "VIEWER");
		}
	}

	@GetMapping
	@RequiresPermission(Permission.USERS_VIEW)
	String list(@org.springframework.web.bind.annotation.RequestParam(required = false) @Nullable String mfa,
			Model model) {
		// ?mfa=missing: those who must use MFA and have not set it up (the dashboard
		// links here).
		model.addAttribute("mfaFilter", "missing".equals(mfa) ? "missing" : null);
		return page(model, InviteForm.empty(), Map.of(), null);
	}

	@PostMapping
	@RequiresPermission(Permission.USERS_CREATE)
	String invite(@ModelAttribute InviteForm form, Model model, RedirectAttributes redirect) {
		return Forms.submit(() -> {
			var invited = users.invite(new UserAdministration.Invitation(form.email(), form.name(), form.tier(),
					form.role() == null || form.role().isBlank() ? List.of() : List.of(form.role()), null, null));
			redirect.addFlashAttribute("flash", "Invitation sent to " + invited.account().email());
			return "redirect:/admin/users";
		}, failure -> page(model, form, failure.fields(), failure.message()));
	}

	@GetMapping("/import")
	@RequiresPermission(Permission.USERS_CREATE)
	String importForm(Model model) {
		return importPage(model, null);
	}

	/**
	 * All or nothing: a refused file is shown back as a per-row report, and nothing of it
	 * is written.
	 */
	@PostMapping("/import")
	@RequiresPermission(Permission.USERS_CREATE)
	String importUsers(
			@org.springframework.web.bind.annotation.RequestParam(
					required = false) org.springframework.web.multipart.@Nullable MultipartFile file,
			Model model, RedirectAttributes redirect) throws java.io.IOException {
		if (file == null || file.isEmpty()) {
			return importPage(model, "Choose a CSV file to import.");
		}
		UserAdministration.ImportOutcome outcome;
		try (java.io.InputStream in = file.getInputStream()) {
			outcome = users.importUsers(UserImportCsv.read(in));
		}
		if (!outcome.refused().isEmpty()) {
			model.addAttribute("refused", outcome.refused());
			return importPage(model, outcome.refused().size() + " row(s) cannot be imported; nothing was imported.");
		}
		long invited = outcome.imported().stream().filter(io.prax.identity.UserImport.Imported::invited).count();
		redirect.addFlashAttribute("flash", "Imported " + outcome.imported().size() + " user(s)"
				+ (invited > 0 ? "; " + invited + " of them got an invitation mail" : "") + ".");
		return "redirect:/admin/users";
	}

	private String importPage(Model model, @Nullable String error) {
		model.addAttribute("activeNav", "admin-users");
		model.addAttribute("error", error);
		model.addAttribute("maxBytes", UserImportCsv.MAX_BYTES);
		model.addAttribute("maxRows", UserImportCsv.MAX_ROWS);
		return "admin/users-import";
	}

	private String page(Model model, InviteForm form, Map<String, String> errors, @Nullable String error) {
		model.addAttribute("activeNav", "admin-users");
		model.addAttribute("canInvite", access.can(Permission.USERS_CREATE));
		List<io.prax.identity.UserAccount> accounts = users.list()
			.stream()
			.map(UserAdministration.ManagedUser::account)
			.toList();
		Set<io.prax.identity.UserId> enrolled = mfa
			.enrolledAmong(accounts.stream().map(io.prax.identity.UserAccount::id).toList());
		Set<io.prax.identity.UserId> required = mfaStatus.requiredAmong(accounts);
		if (model.getAttribute("mfaFilter") != null) {
			accounts = accounts.stream()
				.filter(u -> u.status() == io.prax.identity.UserStatus.ACTIVE && required.contains(u.id())
						&& !enrolled.contains(u.id()))
				.toList();
		}
		model.addAttribute("users", accounts);
		model.addAttribute("mfaEnrolled", enrolled);
		model.addAttribute("mfaRequired", required);
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("error", error);
		model.addAttribute("tiers", grants.grantableTiers(List.of(Tier.EMPLOYEE.name(), Tier.ADMIN.name())));
		Set<String> grantable = grants.grantable();
		model.addAttribute("assignableRoles",
				users.roleNames().stream().filter(role -> grants.mayAssignRole(role, grantable)).toList());
		return "admin/users";
	}

}
