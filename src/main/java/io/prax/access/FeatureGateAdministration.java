package io.prax.access;

import static io.prax.platform.Validation.checked;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.prax.identity.CurrentUser;
import io.prax.platform.ProblemException;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Feature gates: business modules or actions switched off for everyone, or restricted for
 * one role or designation. Every change first passes {@link GrantPolicy} (lifting a gate
 * gives permissions back).
 */
@Service
public class FeatureGateAdministration {

	private final FeatureGates gates;

	private final Roles roles;

	private final Designations designations;

	private final AccessPolicy access;

	private final GrantPolicy grants;

	private final Clock clock;

	FeatureGateAdministration(FeatureGates gates, Roles roles, Designations designations, AccessPolicy access,
			GrantPolicy grants, Clock clock) {
		this.gates = gates;
		this.roles = roles;
		this.designations = designations;
		this.access = access;
		this.grants = grants;
		this.clock = clock;
	}

	/**
	 * A switched-off action for one role or designation. A role is named by {@code role}
	 * (its name) or {@code roleId}; it is kept by id, so renaming the role keeps the
	 * restriction. Answers carry both.
	 */
	public record Restriction(String module, @Nullable String action, @Nullable String role,
			@Nullable String designationId, @Nullable String roleId) {

		public Restriction(String module, @Nullable String action, @Nullable String role,
				@Nullable String designationId) {
			this(module, action, role, designationId, null);
		}
	}

	public record ModuleGate(@Nullable Boolean enabled, @Nullable Map<String, Boolean> actions) {
	}

	public record Gates(Map<String, ModuleGate> modules, List<Restriction> restrictions) {
	}

	@Transactional(readOnly = true)
	public Gates gates() {
		List<AccessFacts.Gate> live = gates.findAll().stream().map(FeatureGate::gate).toList();
		Map<String, ModuleGate> modules = new LinkedHashMap<>();
		for (String module : PermissionCatalogue.BUSINESS_MODULES) {
			boolean enabled = live.stream()
				.noneMatch(g -> g.scope() == AccessFacts.Scope.ALL && g.module().equals(module) && g.action() == null);
			Map<String, Boolean> actions = new LinkedHashMap<>();
			for (String action : PermissionCatalogue.ACTIONS.getOrDefault(module, List.of())) {
				actions.put(action,
						live.stream()
							.noneMatch(g -> g.scope() == AccessFacts.Scope.ALL && g.module().equals(module)
									&& action.equals(g.action())));
			}
			modules.put(module, new ModuleGate(enabled, actions));
		}
		Map<String, String> roleNames = new LinkedHashMap<>();
		PermissionCatalogue.BUILT_IN_ROLES.forEach(name -> roleNames.put(name, name));
		roles.ordered().forEach(role -> roleNames.put(role.id().toString(), role.name()));
		List<Restriction> restrictions = live.stream()
			.filter(g -> g.scope() != AccessFacts.Scope.ALL)
			.map(g -> g.scope() == AccessFacts.Scope.ROLE
					? new Restriction(g.module(), g.action(), roleNames.getOrDefault(g.ref(), g.ref()), null, g.ref())
					: new Restriction(g.module(), g.action(), null, g.ref(), null))
			.toList();
		return new Gates(modules, restrictions);
	}

	/**
	 * Replaces the tenant's gates with the given state; modules or actions not mentioned
	 * are left as they are.
	 */
	@Transactional
	public Gates setGates(@Nullable Map<String, ModuleGate> modules, @Nullable List<Restriction> restrictions) {
		Map<String, String> errors = new LinkedHashMap<>();
		Set<AccessFacts.Gate> wanted = new LinkedHashSet<>();
		List<FeatureGate> live = gates.findAll();
		Set<AccessFacts.Gate> current = new LinkedHashSet<>();
		live.forEach(g -> current.add(g.gate()));
		// Start from the current state, then apply what the request says.
		wanted.addAll(current);
		if (modules != null) {
			modules.forEach((module, gate) -> {
				if (!PermissionCatalogue.BUSINESS_MODULES.contains(module)) {
					errors.put("modules." + module, "Only business modules can be switched off: "
							+ String.join(", ", PermissionCatalogue.BUSINESS_MODULES));
					return;
				}
				AccessFacts.Gate whole = new AccessFacts.Gate(module, null, AccessFacts.Scope.ALL, null);
				if (gate.enabled() != null) {
					toggle(wanted, whole, gate.enabled());
				}
				if (gate.actions() != null) {
					gate.actions().forEach((action, enabled) -> {
						if (enabled == null
								|| !PermissionCatalogue.ACTIONS.getOrDefault(module, List.of()).contains(action)) {
							errors.put("modules." + module + ".actions." + action, "Unknown action");
							return;
						}
						toggle(wanted, new AccessFacts.Gate(module, action, AccessFacts.Scope.ALL, null), enabled);
					});
				}
			});
		}
		if (restrictions != null) {
			wanted.removeIf(g -> g.scope() != AccessFacts.Scope.ALL);
			for (Restriction r : restrictions) {
				AccessFacts.Gate gate = restriction(r, errors);
				if (gate != null) {
					wanted.add(gate);
				}
			}
		}
		if (!errors.isEmpty()) {
			throw ProblemException.validation(errors);
		}
		grants.checkGatesLifted(current.stream().filter(g -> !wanted.contains(g)).toList());
		Instant now = Instant.now(clock);
		for (FeatureGate gate : live) {
			if (!wanted.contains(gate.gate())) {
				gate.switchOn(now, actor());
				gates.save(gate);
			}
		}
		for (AccessFacts.Gate gate : wanted) {
			if (!current.contains(gate)) {
				gates.save(new FeatureGate(gate.module(), gate.action(), gate.scope(), gate.ref()));
			}
		}
		gates.flush();
		access.forget();
		return gates();
	}

	private AccessFacts.@Nullable Gate restriction(Restriction r, Map<String, String> errors) {
		if (!PermissionCatalogue.BUSINESS_MODULES.contains(r.module())) {
			errors.put("restrictions", "Only business modules can be switched off");
			return null;
		}
		if (r.action() != null
				&& !PermissionCatalogue.ACTIONS.getOrDefault(r.module(), List.of()).contains(r.action())) {
			errors.put("restrictions", "Unknown action " + r.module() + ":" + r.action());
			return null;
		}
		boolean namesRole = r.role() != null || r.roleId() != null;
		if (namesRole == (r.designationId() != null)) {
			errors.put("restrictions", "Name either a role or a designation for each restriction");
			return null;
		}
		if (namesRole) {
			String roleId = roleId(checked(r.roleId() != null ? r.roleId() : r.role()));
			if (roleId == null) {
				errors.put("restrictions", "Unknown role " + (r.roleId() != null ? r.roleId() : r.role()));
				return null;
			}
			return new AccessFacts.Gate(r.module(), r.action(), AccessFacts.Scope.ROLE, roleId);
		}
		try {
			if (designations.findById(UUID.fromString(checked(r.designationId()))).isEmpty()) {
				throw ProblemException.notFound("Designation");
			}
		}
		catch (IllegalArgumentException | ProblemException ex) {
			errors.put("restrictions", "Unknown designation " + r.designationId());
			return null;
		}
		return new AccessFacts.Gate(r.module(), r.action(), AccessFacts.Scope.DESIGNATION, r.designationId());
	}

	/**
	 * A role's stable id from its id or name: a built-in role's name, a custom role's
	 * UUID; null if unknown.
	 */
	private @Nullable String roleId(String idOrName) {
		if (PermissionCatalogue.isBuiltInRole(idOrName)) {
			return idOrName.toUpperCase(Locale.ROOT);
		}
		try {
			return roles.findById(UUID.fromString(idOrName)).map(role -> role.id().toString()).orElse(null);
		}
		catch (IllegalArgumentException notAnId) {
			return roles.findByName(idOrName).map(role -> role.id().toString()).orElse(null);
		}
	}

	/**
	 * Restrictions of a deleted role or designation go with it: nobody holds it any more.
	 */
	void drop(AccessFacts.Scope scope, String ref) {
		Instant now = Instant.now(clock);
		for (FeatureGate gate : gates.findAll()) {
			if (gate.gate().scope() == scope && ref.equalsIgnoreCase(gate.gate().ref())) {
				gate.switchOn(now, actor());
				gates.save(gate);
			}
		}
		gates.flush();
	}

	private static void toggle(Set<AccessFacts.Gate> wanted, AccessFacts.Gate gate, boolean enabled) {
		if (enabled) {
			wanted.remove(gate);
		}
		else {
			wanted.add(gate);
		}
	}

	private static @Nullable UUID actor() {
		return CurrentUser.current().map(user -> user.id().value()).orElse(null);
	}

}
