package io.prax.access;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.prax.identity.CurrentUser;
import io.prax.identity.Tier;
import io.prax.identity.UserId;
import io.prax.platform.Forms;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Admin page of one user's access: tier, roles, designation, overrides, explain
 * ({@link PermissionSetAdminController} has roles and designations,
 * {@link FeatureGateAdminController} the gates).
 */
@Controller
@RequestMapping("/admin")
class AccessAdminController {

	private final AccessAdministration administration;

	private final PermissionSetAdministration sets;

	private final UserAdministration users;

	private final AccessPolicy access;

	private final GrantPolicy grants;

	private final io.prax.identity.MfaStatus mfa;

	AccessAdminController(AccessAdministration administration, PermissionSetAdministration sets,
			UserAdministration users, AccessPolicy access, GrantPolicy grants, io.prax.identity.MfaStatus mfa) {
		this.mfa = mfa;
		this.administration = administration;
		this.sets = sets;
		this.users = users;
		this.access = access;
		this.grants = grants;
	}

	// ---- one user

	@GetMapping("/users/{id}")
	@RequiresPermission(Permission.USERS_VIEW)
	String user(@PathVariable UUID id, @RequestParam(required = false) @Nullable String explain, Model model) {
		return userPage(model, id, explain, Map.of(), null);
	}

	@PostMapping("/users/{id}")
	@io.prax.platform.RequiresRecentAuthentication
	@RequiresPermission(Permission.USERS_EDIT)
	String updateUser(@PathVariable UUID id, @RequestParam(defaultValue = "") String name,
			@RequestParam(defaultValue = "") String tier, @RequestParam(required = false) @Nullable List<String> roles,
			@RequestParam(defaultValue = "") String designationId,
			@RequestParam(required = false) @Nullable Long version, Model model, RedirectAttributes redirect) {
		return Forms.submit(() -> {
			users.update(new UserId(id),
					new UserAdministration.Change(name, tier, roles == null ? List.of() : roles,
							designationId.isBlank() ? null : UUID.fromString(designationId), designationId.isBlank(),
							null, version));
			redirect.addFlashAttribute("flash", "User saved");
			return "redirect:/admin/users/" + id;
		}, failure -> userPage(model, id, null, failure.fields(), failure.message()));
	}

	@PostMapping("/users/{id}/overrides")
	@io.prax.platform.RequiresRecentAuthentication
	@RequiresPermission(Permission.USERS_EDIT)
	String overrides(@PathVariable UUID id, @RequestParam Map<String, String> form, RedirectAttributes redirect) {
		List<String> grants = new ArrayList<>();
		List<String> revocations = new ArrayList<>();
		form.forEach((key, value) -> {
			if (key.startsWith("override:")) {
				String permission = key.substring("override:".length());
				if ("grant".equals(value)) {
					grants.add(permission);
				}
				else if ("revoke".equals(value)) {
					revocations.add(permission);
				}
			}
		});
		return Forms.submit(() -> {
			administration.setOverrides(new UserId(id), grants, revocations);
			redirect.addFlashAttribute("flash", "Overrides saved");
			return "redirect:/admin/users/" + id;
		}, redirect, "Not saved: ", "redirect:/admin/users/" + id);
	}

	@PostMapping("/users/{id}/deactivate")
	@RequiresPermission(Permission.USERS_DELETE)
	String deactivate(@PathVariable UUID id, RedirectAttributes redirect) {
		return Forms.submit(() -> {
			users.deactivate(new UserId(id));
			redirect.addFlashAttribute("flash", "User deactivated; their sessions have ended");
			return "redirect:/admin/users/" + id;
		}, redirect, "", "redirect:/admin/users/" + id);
	}

	@PostMapping("/users/{id}/password-reset")
	@RequiresPermission(Permission.USERS_EDIT)
	String passwordReset(@PathVariable UUID id, RedirectAttributes redirect) {
		users.sendPasswordReset(new UserId(id));
		redirect.addFlashAttribute("flash", "A password reset link was sent");
		return "redirect:/admin/users/" + id;
	}

	private String userPage(Model model, UUID uuid, @Nullable String explain, Map<String, String> errors,
			@Nullable String error) {
		UserId id = new UserId(uuid);
		UserAdministration.ManagedUser user = users.get(id);
		AccessAdministration.Overrides overrides = administration.overrides(id);
		Map<String, String> overrideOf = new LinkedHashMap<>();
		overrides.grants().forEach(p -> overrideOf.put(p, "grant"));
		overrides.revocations().forEach(p -> overrideOf.put(p, "revoke"));
		model.addAttribute("activeNav", "admin-users");
		model.addAttribute("user", user.account());
		model.addAttribute("designationId", user.designationId());
		List<PermissionSetAdministration.PermissionSet> designations = sets.designations();
		Set<String> grantable = grants.grantable();
		List<String> allTiers = List.of(Tier.ADMIN.name(), Tier.EMPLOYEE.name(), Tier.CUSTOMER.name());
		model.addAttribute("designations", designations);
		model.addAttribute("assignableDesignations",
				designations.stream()
					.filter(d -> grantable.containsAll(d.permissions()))
					.map(PermissionSetAdministration.PermissionSet::id)
					.toList());
		model.addAttribute("roleNames", users.roleNames());
		model.addAttribute("assignableRoles",
				users.roleNames().stream().filter(role -> grants.mayAssignRole(role, grantable)).toList());
		model.addAttribute("allTiers", allTiers);
		model.addAttribute("tiers", grants.grantableTiers(allTiers));
		model.addAttribute("grantable", grantable);
		model.addAttribute("self", CurrentUser.require().id().equals(id));
		model.addAttribute("catalogue", PermissionCatalogue.ACTIONS);
		model.addAttribute("effective", administration.effective(id));
		model.addAttribute("overrideOf", overrideOf);
		model.addAttribute("explanation",
				explain == null || !PermissionCatalogue.exists(explain) ? null : administration.explain(id, explain));
		model.addAttribute("canEdit", access.can(Permission.USERS_EDIT));
		model.addAttribute("canDeactivate", access.can(Permission.USERS_DELETE));
		model.addAttribute("canRevokeSessions", access.can(Permission.SESSIONS_DELETE));
		model.addAttribute("mfa", mfa.of(user.account().id()));
		model.addAttribute("errors", errors);
		model.addAttribute("error", error);
		return "admin/user";
	}

}
