package io.prax.access;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.prax.identity.Tier;
import org.jspecify.annotations.Nullable;

/**
 * Everything that decides a user's permissions: tier, roles (name to grants, built-in and custom),
 * designation, per-user grants and revocations, and the tenant's feature gates.
 */
record AccessFacts(Tier tier, Map<String, Set<String>> roles, @Nullable Designation designation, Set<String> granted,
		Set<String> revoked, List<Gate> gates) {

	record Designation(UUID id, String name, Set<String> permissions) {
	}

	enum Scope {
		ALL, ROLE, DESIGNATION
	}

	/** A switched-off module ({@code action} null) or action, for everyone or one role or designation. */
	record Gate(String module, @Nullable String action, Scope scope, @Nullable String ref) {

		boolean covers(String permission) {
			return module.equals(PermissionCatalogue.module(permission))
					&& (action == null || action.equals(PermissionCatalogue.action(permission)));
		}

		boolean appliesTo(AccessFacts facts) {
			return switch (scope) {
				case ALL -> true;
				case ROLE -> facts.roles().keySet().stream().anyMatch(role -> role.equalsIgnoreCase(ref));
				case DESIGNATION -> facts.designation() != null && facts.designation().id().toString().equals(ref);
			};
		}

		String describe() {
			String what = action == null ? "module " + module + " is switched off" : module + ":" + action + " is switched off";
			return switch (scope) {
				case ALL -> "feature gate: " + what;
				case ROLE -> "feature gate: " + what + " for role " + ref;
				case DESIGNATION -> "feature gate: " + what + " for this user's designation";
			};
		}
	}
}
