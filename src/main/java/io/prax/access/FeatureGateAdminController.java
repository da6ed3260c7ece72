package io.prax.access;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.prax.platform.Forms;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Admin page of the feature gates: modules and actions switched off, restrictions per
 * role or designation.
 */
@Controller
@RequestMapping("/admin")
class FeatureGateAdminController {

	private final FeatureGateAdministration gates;

	private final PermissionSetAdministration sets;

	private final UserAdministration users;

	private final AccessPolicy access;

	FeatureGateAdminController(FeatureGateAdministration gates, PermissionSetAdministration sets,
			UserAdministration users, AccessPolicy access) {
		this.gates = gates;
		this.sets = sets;
		this.users = users;
		this.access = access;
	}

	@GetMapping("/feature-gates")
	@RequiresPermission(Permission.SETTINGS_VIEW)
	String gates(Model model) {
		model.addAttribute("activeNav", "admin-feature-gates");
		model.addAttribute("canEdit", access.can(Permission.SETTINGS_EDIT));
		model.addAttribute("gates", gates.gates());
		model.addAttribute("catalogue", PermissionCatalogue.ACTIONS);
		model.addAttribute("modules", PermissionCatalogue.BUSINESS_MODULES);
		model.addAttribute("roleNames", users.roleNames());
		model.addAttribute("designations", sets.designations());
		return "admin/feature-gates";
	}

	@PostMapping("/feature-gates")
	@io.prax.platform.RequiresRecentAuthentication
	@RequiresPermission(Permission.SETTINGS_EDIT)
	String saveGates(@RequestParam Map<String, String> form, RedirectAttributes redirect) {
		Map<String, FeatureGateAdministration.ModuleGate> modules = new LinkedHashMap<>();
		for (String module : PermissionCatalogue.BUSINESS_MODULES) {
			Map<String, Boolean> actions = new LinkedHashMap<>();
			PermissionCatalogue.ACTIONS.getOrDefault(module, List.of())
				.forEach(action -> actions.put(action, form.containsKey("action:" + module + ":" + action)));
			modules.put(module,
					new FeatureGateAdministration.ModuleGate(form.containsKey("module:" + module), actions));
		}
		gates.setGates(modules, null);
		redirect.addFlashAttribute("flash", "Feature gates saved");
		return "redirect:/admin/feature-gates";
	}

	@PostMapping("/feature-gates/restrictions")
	@io.prax.platform.RequiresRecentAuthentication
	@RequiresPermission(Permission.SETTINGS_EDIT)
	String addRestriction(@RequestParam String module, @RequestParam(defaultValue = "") String action,
			@RequestParam String target, RedirectAttributes redirect) {
		List<FeatureGateAdministration.Restriction> restrictions = new ArrayList<>(gates.gates().restrictions());
		String ref = target.substring(target.indexOf(':') + 1);
		restrictions.add(new FeatureGateAdministration.Restriction(module, action.isBlank() ? null : action,
				target.startsWith("role:") ? ref : null, target.startsWith("designation:") ? ref : null));
		return Forms.submit(() -> {
			gates.setGates(null, restrictions);
			redirect.addFlashAttribute("flash", "Restriction added");
			return "redirect:/admin/feature-gates";
		}, redirect, "Not added: ", "redirect:/admin/feature-gates");
	}

	@PostMapping("/feature-gates/restrictions/delete")
	@io.prax.platform.RequiresRecentAuthentication
	@RequiresPermission(Permission.SETTINGS_EDIT)
	String removeRestriction(@RequestParam String module, @RequestParam(defaultValue = "") String action,
			@RequestParam(defaultValue = "") String role, @RequestParam(defaultValue = "") String designationId,
			RedirectAttributes redirect) {
		List<FeatureGateAdministration.Restriction> restrictions = new ArrayList<>(gates.gates().restrictions());
		restrictions.removeIf(
				r -> r.module().equals(module) && String.valueOf(r.action()).equals(action.isBlank() ? "null" : action)
						&& String.valueOf(r.role()).equals(role.isBlank() ? "null" : role)
						&& String.valueOf(r.designationId()).equals(designationId.isBlank() ? "null" : designationId));
		gates.setGates(null, restrictions);
		redirect.addFlashAttribute("flash", "Restriction removed");
		return "redirect:/admin/feature-gates";
	}

}
