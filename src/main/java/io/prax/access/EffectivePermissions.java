package io.prax.access;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.prax.identity.Tier;

/**
 * The one rule: effective = (role grants ∪ designation grants ∪ user grants) − user
 * revocations, capped by the tier and by the feature gates. Default deny. A pure
 * function, so it can be tested exhaustively and explained.
 */
final class EffectivePermissions {

	private EffectivePermissions() {
	}

	/**
	 * Whether {@code permission} is granted and every reason that decided it, in order.
	 */
	record Decision(String permission, boolean granted, boolean gated, List<String> because) {
	}

	static Set<String> of(AccessFacts facts) {
		Set<String> effective = new LinkedHashSet<>();
		for (String permission : PermissionCatalogue.all()) {
			if (decide(facts, permission).granted()) {
				effective.add(permission);
			}
		}
		return effective;
	}

	static Decision decide(AccessFacts facts, String permission) {
		List<String> because = new ArrayList<>();
		if (!PermissionCatalogue.exists(permission)) {
			return new Decision(permission, false, false, List.of("unknown permission"));
		}
		boolean granted = false;
		if (facts.tier() == Tier.ADMIN) {
			granted = true;
			because.add("tier ADMIN grants every permission");
		}
		else {
			if (facts.tier() == Tier.CUSTOMER && PermissionCatalogue.PORTAL_DEFAULTS.contains(permission)) {
				granted = true;
				because.add("tier CUSTOMER may view its own account and sign what is addressed to it");
			}
			for (Map.Entry<String, Set<String>> role : facts.roles().entrySet()) {
				if (role.getValue().contains(permission)) {
					granted = true;
					because.add("role " + role.getKey() + " grants it");
				}
			}
			if (facts.designation() != null && facts.designation().permissions().contains(permission)) {
				granted = true;
				because.add("designation " + facts.designation().name() + " grants it");
			}
			if (facts.granted().contains(permission)) {
				granted = true;
				because.add("user override grants it");
			}
			if (facts.revoked().contains(permission)) {
				granted = false;
				because.add("user override revokes it");
			}
			if (granted && facts.tier() == Tier.CUSTOMER
					&& !PermissionCatalogue.PORTAL_MODULES.contains(PermissionCatalogue.module(permission))) {
				granted = false;
				because.add("tier CUSTOMER cannot hold " + PermissionCatalogue.module(permission) + " permissions");
			}
			if (because.isEmpty()) {
				because.add("no role, designation or override grants it (default deny)");
			}
		}
		boolean gated = false;
		for (AccessFacts.Gate gate : facts.gates()) {
			if (gate.covers(permission) && gate.appliesTo(facts)) {
				gated = true;
				because.add(gate.describe(facts));
			}
		}
		return new Decision(permission, granted && !gated, gated, List.copyOf(because));
	}

	static Map<String, Set<String>> builtInRoles(List<String> names) {
		Map<String, Set<String>> roles = new java.util.LinkedHashMap<>();
		for (String name : names) {
			Set<String> grants = PermissionCatalogue.BUILT_IN_GRANTS.get(name.toUpperCase(java.util.Locale.ROOT));
			if (grants != null) {
				roles.put(name.toUpperCase(java.util.Locale.ROOT), grants);
			}
		}
		return roles;
	}

}
