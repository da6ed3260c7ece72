package io.prax.access;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import io.prax.platform.Forms;
import io.prax.platform.RequiresRecentAuthentication;
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
 * Admin pages of roles and designations: each kind has its own addresses and permissions,
 * and one set of pages and handlers behind them.
 */
@Controller
@RequestMapping("/admin")
class PermissionSetAdminController {

	private final PermissionSetAdministration sets;

	private final AccessPolicy access;

	private final GrantPolicy grants;

	PermissionSetAdminController(PermissionSetAdministration sets, AccessPolicy access, GrantPolicy grants) {
		this.sets = sets;
		this.access = access;
		this.grants = grants;
	}

	// ---- roles

	@GetMapping("/roles")
	@RequiresPermission(Permission.USERS_VIEW)
	String roles(Model model) {
		return setsPage(model, PermissionSetKind.ROLE, Map.of(), null);
	}

	@PostMapping("/roles")
	@RequiresRecentAuthentication
	@RequiresPermission(Permission.USERS_EDIT)
	String createRole(@RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String description,
			@RequestParam(required = false) @Nullable List<String> permissions, Model model,
			RedirectAttributes redirect) {
		return create(PermissionSetKind.ROLE, input(name, description, permissions, null), model, redirect);
	}

	@GetMapping("/roles/{id}")
	@RequiresPermission(Permission.USERS_VIEW)
	String role(@PathVariable String id, Model model) {
		return setPage(model, PermissionSetKind.ROLE, sets.role(id), Map.of(), null);
	}

	@PostMapping("/roles/{id}")
	@RequiresRecentAuthentication
	@RequiresPermission(Permission.USERS_EDIT)
	String updateRole(@PathVariable String id, @RequestParam(defaultValue = "") String name,
			@RequestParam(defaultValue = "") String description,
			@RequestParam(required = false) @Nullable List<String> permissions,
			@RequestParam(required = false) @Nullable Long version, Model model, RedirectAttributes redirect) {
		// A built-in role is refused on the form; it has a page to show again.
		return update(PermissionSetKind.ROLE, id, () -> RoleId.ofCustom(id), () -> sets.role(id),
				input(name, description, permissions, version), model, redirect);
	}

	@PostMapping("/roles/{id}/delete")
	@RequiresRecentAuthentication
	@RequiresPermission(Permission.USERS_EDIT)
	String deleteRole(@PathVariable String id, @RequestParam(defaultValue = "") String reason,
			RedirectAttributes redirect) {
		return delete(RoleId.ofCustom(id), reason, redirect);
	}

	// ---- designations

	@GetMapping("/designations")
	@RequiresPermission(Permission.DESIGNATIONS_VIEW)
	String designations(Model model) {
		return setsPage(model, PermissionSetKind.DESIGNATION, Map.of(), null);
	}

	@PostMapping("/designations")
	@RequiresRecentAuthentication
	@RequiresPermission(Permission.DESIGNATIONS_CREATE)
	String createDesignation(@RequestParam(defaultValue = "") String name,
			@RequestParam(defaultValue = "") String description,
			@RequestParam(required = false) @Nullable List<String> permissions, Model model,
			RedirectAttributes redirect) {
		return create(PermissionSetKind.DESIGNATION, input(name, description, permissions, null), model, redirect);
	}

	@GetMapping("/designations/{id}")
	@RequiresPermission(Permission.DESIGNATIONS_VIEW)
	String designation(@PathVariable UUID id, Model model) {
		return setPage(model, PermissionSetKind.DESIGNATION, sets.get(new DesignationId(id)), Map.of(), null);
	}

	@PostMapping("/designations/{id}")
	@RequiresRecentAuthentication
	@RequiresPermission(Permission.DESIGNATIONS_EDIT)
	String updateDesignation(@PathVariable UUID id, @RequestParam(defaultValue = "") String name,
			@RequestParam(defaultValue = "") String description,
			@RequestParam(required = false) @Nullable List<String> permissions,
			@RequestParam(required = false) @Nullable Long version, Model model, RedirectAttributes redirect) {
		DesignationId designation = new DesignationId(id);
		return update(PermissionSetKind.DESIGNATION, id.toString(), () -> designation, () -> sets.get(designation),
				input(name, description, permissions, version), model, redirect);
	}

	@PostMapping("/designations/{id}/delete")
	@RequiresRecentAuthentication
	@RequiresPermission(Permission.DESIGNATIONS_DELETE)
	String deleteDesignation(@PathVariable UUID id, @RequestParam(defaultValue = "") String reason,
			RedirectAttributes redirect) {
		return delete(new DesignationId(id), reason, redirect);
	}

	// ---- the same for either kind

	private String create(PermissionSetKind kind, PermissionSetAdministration.PermissionSetInput input, Model model,
			RedirectAttributes redirect) {
		return Forms.submit(() -> {
			var created = sets.create(kind, input);
			redirect.addFlashAttribute("flash", kind.title() + " “" + created.name() + "” created");
			return "redirect:/admin/" + kind.plural() + "/" + created.id();
		}, failure -> setsPage(model, kind, failure.fields(), failure.message()));
	}

	private String update(PermissionSetKind kind, String path, Supplier<PermissionSetId> id,
			Supplier<PermissionSetAdministration.PermissionSet> shown,
			PermissionSetAdministration.PermissionSetInput input, Model model, RedirectAttributes redirect) {
		return Forms.submit(() -> {
			sets.update(id.get(), input);
			redirect.addFlashAttribute("flash", kind.title() + " saved");
			return "redirect:/admin/" + kind.plural() + "/" + path;
		}, failure -> setPage(model, kind, shown.get(), failure.fields(), failure.message()));
	}

	private String delete(PermissionSetId id, String reason, RedirectAttributes redirect) {
		sets.delete(id, reason);
		redirect.addFlashAttribute("flash", id.kind() == PermissionSetKind.ROLE
				? "Role deleted; it was removed from every user" : "Designation deleted");
		return "redirect:/admin/" + id.kind().plural();
	}

	private static PermissionSetAdministration.PermissionSetInput input(String name, String description,
			@Nullable List<String> permissions, @Nullable Long version) {
		return new PermissionSetAdministration.PermissionSetInput(name, description,
				permissions == null ? List.of() : permissions, version);
	}

	private String setsPage(Model model, PermissionSetKind kind, Map<String, String> errors, @Nullable String error) {
		common(model, kind, errors, error);
		model.addAttribute("sets", sets.list(kind));
		model.addAttribute("canCreate", access.can(kind.toCreate()));
		model.addAttribute("selected", Set.of());
		return "admin/permission-sets";
	}

	private String setPage(Model model, PermissionSetKind kind, PermissionSetAdministration.PermissionSet set,
			Map<String, String> errors, @Nullable String error) {
		common(model, kind, errors, error);
		model.addAttribute("set", set);
		model.addAttribute("canEdit", access.can(kind.toEdit()));
		model.addAttribute("canDelete", access.can(kind.toDelete()));
		model.addAttribute("selected", Set.copyOf(set.permissions()));
		return "admin/permission-set";
	}

	private void common(Model model, PermissionSetKind kind, Map<String, String> errors, @Nullable String error) {
		String name = kind.name().toLowerCase(Locale.ROOT);
		model.addAttribute("activeNav", "admin-" + name + "s");
		model.addAttribute("kind", name);
		model.addAttribute("catalogue", PermissionCatalogue.ACTIONS);
		model.addAttribute("grantable", grants.grantable());
		model.addAttribute("errors", errors);
		model.addAttribute("error", errors.isEmpty() ? error : "Please correct the marked fields.");
	}

}
