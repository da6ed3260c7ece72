package io.prax.access;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.prax.identity.Tier;
import org.jspecify.annotations.Nullable;

/**
 * Everything that decides a user's permissions: tier, roles (name to grants, built-in and
 * custom, and name to the role's stable id), designation, per-user grants and
 * revocations, and the tenant's feature gates.
 */
record AccessFacts(Tier tier, Map<String, Set<String>> roles, Map<String, String> roleIds,
		@Nullable Designation designation, Set<String> granted, Set<String> revoked, List<Gate> gates) {

	/**
	 * Facts whose roles are known by name only: each role's id is its name, as for
	 * built-in roles.
	 */
	AccessFacts(Tier tier, Map<String, Set<String>> roles, @Nullable Designation designation, Set<String> granted,
			Set<String> revoked, List<Gate> gates) {
		this(tier, roles, namesAsIds(roles), designation, granted, revoked, gates);
	}

	private static Map<String, String> namesAsIds(Map<String, Set<String>> roles) {
		Map<String, String> ids = new java.util.LinkedHashMap<>();
		roles.keySet().forEach(name -> ids.put(name, name));
		return ids;
	}

	record Designation(UUID id, String name, Set<String> permissions) {
	}

	enum Scope {

		ALL, ROLE, DESIGNATION

	}

	/**
	 * A switched-off module ({@code action} null) or action, for everyone or one role or
	 * designation; a role or designation is named by its stable id (a built-in role's id
	 * is its name), so renaming lifts nothing.
	 */
	record Gate(String module, @Nullable String action, Scope scope, @Nullable String ref) {

		boolean covers(String permission) {
			return module.equals(PermissionCatalogue.module(permission))
					&& (action == null || action.equals(PermissionCatalogue.action(permission)));
		}

		boolean appliesTo(AccessFacts facts) {
			return switch (scope) {
				case ALL -> true;
				case ROLE -> facts.roleIds().values().stream().anyMatch(id -> id.equalsIgnoreCase(ref));
				case DESIGNATION -> facts.designation() != null && facts.designation().id().toString().equals(ref);
			};
		}

		String describe(AccessFacts facts) {
			String what = action == null ? "module " + module + " is switched off"
					: module + ":" + action + " is switched off";
			return switch (scope) {
				case ALL -> "feature gate: " + what;
				case ROLE -> "feature gate: " + what + " for role "
						+ facts.roleIds()
							.entrySet()
							.stream()
							.filter(e -> e.getValue().equalsIgnoreCase(ref))
							.map(Map.Entry::getKey)
							.findFirst()
							.orElse(ref);
				case DESIGNATION -> "feature gate: " + what + " for this user's designation";
			};
		}
	}
}
