package io.prax.access;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.prax.identity.CurrentUser;
import io.prax.identity.Tier;
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
 * Admin pages for one user's access, roles and designations
 * ({@link FeatureGateAdminController} has the gates).
 */
@Controller
@RequestMapping("/admin")
class AccessAdminController {

	private final AccessAdministration administration;

	private final UserAdministration users;

	private final AccessPolicy access;

	private final GrantPolicy grants;

	private final io.prax.identity.MfaStatus mfa;

	AccessAdminController(AccessAdministration administration, UserAdministration users, AccessPolicy access,
			GrantPolicy grants, io.prax.identity.MfaStatus mfa) {
		this.mfa = mfa;
		this.administration = administration;
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
			users.update(id,
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
			administration.setOverrides(id, grants, revocations);
			redirect.addFlashAttribute("flash", "Overrides saved");
			return "redirect:/admin/users/" + id;
		}, redirect, "Not saved: ", "redirect:/admin/users/" + id);
	}

	@PostMapping("/users/{id}/deactivate")
	@RequiresPermission(Permission.USERS_DELETE)
	String deactivate(@PathVariable UUID id, RedirectAttributes redirect) {
		return Forms.submit(() -> {
			users.deactivate(id);
			redirect.addFlashAttribute("flash", "User deactivated; their sessions have ended");
			return "redirect:/admin/users/" + id;
		}, redirect, "", "redirect:/admin/users/" + id);
	}

	@PostMapping("/users/{id}/password-reset")
	@RequiresPermission(Permission.USERS_EDIT)
	String passwordReset(@PathVariable UUID id, RedirectAttributes redirect) {
		users.sendPasswordReset(id);
		redirect.addFlashAttribute("flash", "A password reset link was sent");
		return "redirect:/admin/users/" + id;
	}

	private String userPage(Model model, UUID id, @Nullable String explain, Map<String, String> errors,
			@Nullable String error) {
		UserAdministration.ManagedUser user = users.get(id);
		AccessAdministration.Overrides overrides = administration.overrides(id);
		Map<String, String> overrideOf = new LinkedHashMap<>();
		overrides.grants().forEach(p -> overrideOf.put(p, "grant"));
		overrides.revocations().forEach(p -> overrideOf.put(p, "revoke"));
		model.addAttribute("activeNav", "admin-users");
		model.addAttribute("user", user.account());
		model.addAttribute("designationId", user.designationId());
		List<AccessAdministration.PermissionSet> designations = administration.designations();
		Set<String> grantable = grants.grantable();
		List<String> allTiers = List.of(Tier.ADMIN.name(), Tier.EMPLOYEE.name(), Tier.CUSTOMER.name());
		model.addAttribute("designations", designations);
		model.addAttribute("assignableDesignations",
				designations.stream()
					.filter(d -> grantable.containsAll(d.permissions()))
					.map(AccessAdministration.PermissionSet::id)
					.toList());
		model.addAttribute("roleNames", users.roleNames());
		model.addAttribute("assignableRoles",
				users.roleNames().stream().filter(role -> grants.mayAssignRole(role, grantable)).toList());
		model.addAttribute("allTiers", allTiers);
		model.addAttribute("tiers", grants.grantableTiers(allTiers));
		model.addAttribute("grantable", grantable);
		model.addAttribute("self", CurrentUser.require().id().value().equals(id));
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

	// ---- roles and designations

	@GetMapping("/roles")
	@RequiresPermission(Permission.USERS_VIEW)
	String roles(Model model) {
		return setsPage(model, "role", administration.roles(), Map.of(), null);
	}

	@PostMapping("/roles")
	@io.prax.platform.RequiresRecentAuthentication
	@RequiresPermission(Permission.USERS_EDIT)
	String createRole(@RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String description,
			@RequestParam(required = false) @Nullable List<String> permissions, Model model,
			RedirectAttributes redirect) {
		return Forms.submit(() -> {
			var role = administration.createRole(new AccessAdministration.PermissionSetInput(name, description,
					permissions == null ? List.of() : permissions, null));
			redirect.addFlashAttribute("flash", "Role “" + role.name() + "” created");
			return "redirect:/admin/roles/" + role.id();
		}, failure -> setsPage(model, "role", administration.roles(), failure.fields(), failure.message()));
	}

	@GetMapping("/roles/{id}")
	@RequiresPermission(Permission.USERS_VIEW)
	String role(@PathVariable String id, Model model) {
		return setPage(model, "role", administration.role(id), Map.of(), null);
	}

	@PostMapping("/roles/{id}")
	@io.prax.platform.RequiresRecentAuthentication
	@RequiresPermission(Permission.USERS_EDIT)
	String updateRole(@PathVariable String id, @RequestParam(defaultValue = "") String name,
			@RequestParam(defaultValue = "") String description,
			@RequestParam(required = false) @Nullable List<String> permissions,
			@RequestParam(required = false) @Nullable Long version, Model model, RedirectAttributes redirect) {
		return Forms.submit(() -> {
			administration.updateRole(id, new AccessAdministration.PermissionSetInput(name, description,
					permissions == null ? List.of() : permissions, version));
			redirect.addFlashAttribute("flash", "Role saved");
			return "redirect:/admin/roles/" + id;
		}, failure -> setPage(model, "role", administration.role(id), failure.fields(), failure.message()));
	}

	@PostMapping("/roles/{id}/delete")
	@io.prax.platform.RequiresRecentAuthentication
	@RequiresPermission(Permission.USERS_EDIT)
	String deleteRole(@PathVariable String id, @RequestParam(defaultValue = "") String reason,
			RedirectAttributes redirect) {
		administration.deleteRole(id, reason);
		redirect.addFlashAttribute("flash", "Role deleted; it was removed from every user");
		return "redirect:/admin/roles";
	}

	@GetMapping("/designations")
	@RequiresPermission(Permission.DESIGNATIONS_VIEW)
	String designations(Model model) {
		return setsPage(model, "designation", administration.designations(), Map.of(), null);
	}

	@PostMapping("/designations")
	@io.prax.platform.RequiresRecentAuthentication
	@RequiresPermission(Permission.DESIGNATIONS_CREATE)
	String createDesignation(@RequestParam(defaultValue = "") String name,
			@RequestParam(defaultValue = "") String description,
			@RequestParam(required = false) @Nullable List<String> permissions, Model model,
			RedirectAttributes redirect) {
		return Forms.submit(() -> {
			var designation = administration.createDesignation(new AccessAdministration.PermissionSetInput(name,
					description, permissions == null ? List.of() : permissions, null));
			redirect.addFlashAttribute("flash", "Designation “" + designation.name() + "” created");
			return "redirect:/admin/designations/" + designation.id();
		}, failure -> setsPage(model, "designation", administration.designations(), failure.fields(),
				failure.message()));
	}

	@GetMapping("/designations/{id}")
	@RequiresPermission(Permission.DESIGNATIONS_VIEW)
	String designation(@PathVariable UUID id, Model model) {
		return setPage(model, "designation", administration.designation(id), Map.of(), null);
	}

	@PostMapping("/designations/{id}")
	@io.prax.platform.RequiresRecentAuthentication
	@RequiresPermission(Permission.DESIGNATIONS_EDIT)
	String updateDesignation(@PathVariable UUID id, @RequestParam(defaultValue = "") String name,
			@RequestParam(defaultValue = "") String description,
			@RequestParam(required = false) @Nullable List<String> permissions,
			@RequestParam(required = false) @Nullable Long version, Model model, RedirectAttributes redirect) {
		return Forms.submit(() -> {
			administration.updateDesignation(id, new AccessAdministration.PermissionSetInput(name, description,
					permissions == null ? List.of() : permissions, version));
			redirect.addFlashAttribute("flash", "Designation saved");
			return "redirect:/admin/designations/" + id;
		}, failure -> setPage(model, "designation", administration.designation(id), failure.fields(),
				failure.message()));
	}

	@PostMapping("/designations/{id}/delete")
	@io.prax.platform.RequiresRecentAuthentication
	@RequiresPermission(Permission.DESIGNATIONS_DELETE)
	String deleteDesignation(@PathVariable UUID id, @RequestParam(defaultValue = "") String reason,
			RedirectAttributes redirect) {
		administration.deleteDesignation(id, reason);
		redirect.addFlashAttribute("flash", "Designation deleted");
		return "redirect:/admin/designations";
	}

	private String setsPage(Model model, String kind, List<AccessAdministration.PermissionSet> sets,
			Map<String, String> errors, @Nullable String error) {
		model.addAttribute("activeNav", "admin-" + kind + "s");
		model.addAttribute("kind", kind);
		model.addAttribute("sets", sets);
		model.addAttribute("canCreate",
				access.can(kind.equals("role") ? Permission.USERS_EDIT : Permission.DESIGNATIONS_CREATE));
		model.addAttribute("catalogue", PermissionCatalogue.ACTIONS);
		model.addAttribute("grantable", grants.grantable());
		model.addAttribute("selected", Set.of());
		model.addAttribute("errors", errors);
		model.addAttribute("error", errors.isEmpty() ? error : "Please correct the marked fields.");
		return "admin/permission-sets";
	}

	private String setPage(Model model, String kind, AccessAdministration.PermissionSet set, Map<String, String> errors,
			@Nullable String error) {
		model.addAttribute("activeNav", "admin-" + kind + "s");
		model.addAttribute("kind", kind);
		model.addAttribute("set", set);
		model.addAttribute("canEdit",
				access.can(kind.equals("role") ? Permission.USERS_EDIT : Permission.DESIGNATIONS_EDIT));
		model.addAttribute("canDelete",
				access.can(kind.equals("role") ? Permission.USERS_EDIT : Permission.DESIGNATIONS_DELETE));
		model.addAttribute("catalogue", PermissionCatalogue.ACTIONS);
		model.addAttribute("grantable", grants.grantable());
		model.addAttribute("selected", Set.copyOf(set.permissions()));
		model.addAttribute("errors", errors);
		model.addAttribute("error", errors.isEmpty() ? error : "Please correct the marked fields.");
		return "admin/permission-set";
	}

}
