package io.prax.access;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.prax.platform.ProblemException;
import org.jspecify.annotations.Nullable;

/**
 * Every permission Prax knows ({@link Permission}), grouped by module, and the default
 * grants of the five built-in roles. Business modules can be switched off per tenant
 * (feature gates); administration modules cannot, so an administrator can never gate
 * themselves out of the admin panel.
 */
public final class PermissionCatalogue {

	public static final List<String> STANDARD_ACTIONS = List.of("view", "create", "edit", "delete", "export",
			"approve");

	/** Business modules: the tabs, which feature gates can switch off. */
	public static final List<String> BUSINESS_MODULES = List.of("customers", "contacts", "employees", "invoices",
			"payslips", "documents", "approvals");

	/** Module to its actions, in display order. */
	public static final Map<String, List<String>> ACTIONS;

	/** The modules a customer-portal user can ever be granted. */
	static final Set<String> PORTAL_MODULES = Set.of("customers", "contacts", "invoices", "documents", "approvals");

	/**
	 * What a customer-portal user may do without any grant: read its own account, and
	 * sign the approval steps addressed to it (the approval module lets a portal user
	 * sign nothing else).
	 */
	static final Set<String> PORTAL_DEFAULTS = Set.of("customers:view", "contacts:view", "invoices:view",
			"documents:view", "approvals:view", "approvals:approve");

	public static final List<String> BUILT_IN_ROLES = List.of("ADMIN", "MANAGER", "REVIEWER", "OPERATOR", "VIEWER");

	static final Map<String, Set<String>> BUILT_IN_GRANTS;

	static {
		Map<String, List<String>> actions = new LinkedHashMap<>();
		for (Permission permission : Permission.values()) {
			actions.computeIfAbsent(permission.module(), m -> new java.util.ArrayList<>()).add(permission.action());
		}
		actions.replaceAll((module, list) -> List.copyOf(list));
		ACTIONS = java.util.Collections.unmodifiableMap(actions);

		Set<String> business = new LinkedHashSet<>();
		Set<String> businessView = new LinkedHashSet<>();
		for (String module : BUSINESS_MODULES) {
			ACTIONS.getOrDefault(module, List.of()).forEach(action -> business.add(module + ":" + action));
			businessView.add(module + ":view");
		}
		Set<String> manager = new LinkedHashSet<>(business);
		manager.addAll(List.of("designations:view", "audit:view"));
		Set<String> reviewer = new LinkedHashSet<>(businessView);
		reviewer.addAll(List.of("invoices:approve", "payslips:approve", "documents:approve", "approvals:approve"));
		Set<String> operator = new LinkedHashSet<>();
		for (String module : List.of("customers", "contacts", "invoices", "documents")) {
			operator.addAll(List.of(module + ":view", module + ":create", module + ":edit"));
		}
		operator.addAll(List.of("approvals:view", "approvals:create"));
		BUILT_IN_GRANTS = Map.of("ADMIN", all(), "MANAGER", Set.copyOf(manager), "REVIEWER", Set.copyOf(reviewer),
				"OPERATOR", Set.copyOf(operator), "VIEWER", Set.copyOf(businessView));
	}

	private PermissionCatalogue() {
	}

	/** Every permission, in catalogue order. */
	public static Set<String> all() {
		Set<String> all = new LinkedHashSet<>();
		ACTIONS.forEach((module, actions) -> actions.forEach(action -> all.add(module + ":" + action)));
		return all;
	}

	public static boolean exists(String permission) {
		int colon = permission.indexOf(':');
		return colon > 0 && ACTIONS.getOrDefault(permission.substring(0, colon), List.of())
			.contains(permission.substring(colon + 1));
	}

	/**
	 * Requested permissions, distinct and sorted; an unknown one is a validation problem
	 * on {@code permissions}.
	 */
	static List<String> checked(@Nullable List<String> permissions) {
		if (permissions == null) {
			return List.of();
		}
		List<String> unknown = permissions.stream().filter(p -> p == null || !exists(p)).toList();
		if (!unknown.isEmpty()) {
			throw ProblemException.validation(Map.of("permissions", "Unknown permissions: " + unknown));
		}
		return permissions.stream().distinct().sorted().toList();
	}

	public static boolean isBuiltInRole(String name) {
		return BUILT_IN_ROLES.contains(name.toUpperCase(java.util.Locale.ROOT));
	}

	static String module(String permission) {
		return permission.substring(0, permission.indexOf(':'));
	}

	static String action(String permission) {
		return permission.substring(permission.indexOf(':') + 1);
	}

}
