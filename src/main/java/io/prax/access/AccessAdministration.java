package io.prax.access;

import static io.prax.platform.Validation.checked;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.prax.identity.CurrentUser;
import io.prax.identity.IdentityManagement;
import io.prax.identity.UserAccount;
import io.prax.identity.UserId;
import io.prax.platform.Page;
import io.prax.platform.ProblemException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Administration of who may do what: custom roles, designations, per-user overrides, feature gates,
 * and "explain" for any user and permission. Every change is a record change, so it is audited. Callers
 * are guarded by {@link RequiresPermission}; every change first passes {@link GrantPolicy}.
 */
@Service
public class AccessAdministration {

	private final Roles roles;
	private final Designations designations;
	private final UserAccesses userAccesses;
	private final FeatureGates gates;
	private final IdentityManagement identity;
	private final AccessPolicy access;
	private final GrantPolicy grants;
	private final Clock clock;

	AccessAdministration(Roles roles, Designations designations, UserAccesses userAccesses, FeatureGates gates,
			IdentityManagement identity, AccessPolicy access, GrantPolicy grants, Clock clock) {
		this.roles = roles;
		this.designations = designations;
		this.userAccesses = userAccesses;
		this.gates = gates;
		this.identity = identity;
		this.access = access;
		this.grants = grants;
		this.clock = clock;
	}

	/** A role or designation as shown and edited; built-in roles have their name as id and cannot change. */
	public record PermissionSet(String id, String name, @Nullable String description, List<String> permissions,
			boolean builtIn, long version) {
	}

	public record PermissionSetInput(@Nullable String name, @Nullable String description,
			@Nullable List<String> permissions, @Nullable Long version) {
	}

	public record Overrides(List<String> grants, List<String> revocations, @Nullable String designationId) {
	}

	public record Explanation(String permission, boolean granted, List<String> because) {
	}

	// ---- roles

	@Transactional(readOnly = true)
	public List<PermissionSet> roles() {
		List<PermissionSet> all = new ArrayList<>();
		for (String name : PermissionCatalogue.BUILT_IN_ROLES) {
			all.add(new PermissionSet(name, name, builtInDescription(name),
					sorted(PermissionCatalogue.BUILT_IN_GRANTS.getOrDefault(name, Set.of())), true, 0));
		}
		roles.ordered().forEach(role -> all.add(view(role)));
		return all;
	}

	/** A page of {@link #roles()}: built-in roles first, in their catalogue order, then the tenant's by name. */
	@Transactional(readOnly = true)
	public Page<PermissionSet> roles(@Nullable String cursor, @Nullable Integer limit) {
		List<String> builtIn = PermissionCatalogue.BUILT_IN_ROLES;
		return Page.ofSorted(roles(), set -> set.builtIn() ? "0" + (char) ('a' + builtIn.indexOf(set.id()))
				: "1" + set.name().toUpperCase(Locale.ROOT) + "\n" + set.id(), cursor, limit);
	}

	@Transactional(readOnly = true)
	public PermissionSet role(String id) {
		if (PermissionCatalogue.isBuiltInRole(id)) {
			String name = id.toUpperCase(Locale.ROOT);
			return new PermissionSet(name, name, builtInDescription(name),
					sorted(PermissionCatalogue.BUILT_IN_GRANTS.getOrDefault(name, Set.of())), true, 0);
		}
		return view(findRole(id));
	}

	/** All role names a user can be given: built-in first, then the tenant's own. */
	@Transactional(readOnly = true)
	public List<String> roleNames() {
		List<String> names = new ArrayList<>(PermissionCatalogue.BUILT_IN_ROLES);
		roles.ordered().forEach(role -> names.add(role.name()));
		return names;
	}

	@Transactional
	public PermissionSet createRole(PermissionSetInput input) {
		String name = checkedName(input.name(), true, null);
		List<String> permissions = checkedPermissions(input.permissions());
		grants.checkRoleDefinition(null, permissions);
		Role role = new Role(name, clean(input.description()), permissions);
		return view(roles.saveAndFlush(role));
	}

	@Transactional
	public PermissionSet updateRole(String id, PermissionSetInput input) {
		refuseBuiltIn(id);
		Role role = findRole(id);
		if (input.version() != null) {
			role.requireVersion(input.version());
		}
		String name = input.name() == null ? role.name() : checkedName(input.name(), true, role.id());
		List<String> permissions = input.permissions() == null ? role.permissions()
				: checkedPermissions(input.permissions());
		grants.checkRoleDefinition(role, permissions);
		if (!name.equals(role.name())) {
			identity.renameRole(role.name(), name);
		}
		role.update(name, input.description() == null ? role.description() : clean(input.description()), permissions);
		access.forget();
		return view(roles.saveAndFlush(role));
	}

	@Transactional
	public void deleteRole(String id, @Nullable String reason) {
		refuseBuiltIn(id);
		Role role = findRole(id);
		grants.checkRoleDeletion(role);
		identity.renameRole(role.name(), null);
		role.delete(Instant.now(clock), actor(), reasonOrDefault(reason));
		roles.saveAndFlush(role);
		dropGates(AccessFacts.Scope.ROLE, role.id().toString());
		access.forget();
	}

	// ---- designations

	@Transactional(readOnly = true)
	public List<PermissionSet> designations() {
		return designations.ordered().stream().map(AccessAdministration::view).toList();
	}

	@Transactional(readOnly = true)
	public Page<PermissionSet> designations(@Nullable String cursor, @Nullable Integer limit) {
		return Page.ofSorted(designations(), set -> set.name().toLowerCase(Locale.ROOT) + "\n" + set.id(), cursor,
				limit);
	}

	@Transactional(readOnly = true)
	public PermissionSet designation(UUID id) {
		return view(findDesignation(id));
	}

	@Transactional
	public PermissionSet createDesignation(PermissionSetInput input) {
		String name = checkedName(input.name(), false, null);
		List<String> permissions = checkedPermissions(input.permissions());
		grants.checkDesignationDefinition(null, permissions);
		return view(designations.saveAndFlush(new Designation(name, clean(input.description()), permissions)));
	}

	@Transactional
	public PermissionSet updateDesignation(UUID id, PermissionSetInput input) {
		Designation designation = findDesignation(id);
		if (input.version() != null) {
			designation.requireVersion(input.version());
		}
		String name = input.name() == null ? designation.name() : checkedName(input.name(), false, designation.id());
		List<String> permissions = input.permissions() == null ? designation.permissions()
				: checkedPermissions(input.permissions());
		grants.checkDesignationDefinition(designation, permissions);
		designation.update(name,
				input.description() == null ? designation.description() : clean(input.description()), permissions);
		access.forget();
		return view(designations.saveAndFlush(designation));
	}

	@Transactional
	public void deleteDesignation(UUID id, @Nullable String reason) {
		Designation designation = findDesignation(id);
		grants.checkDesignationDeletion(designation);
		designation.delete(Instant.now(clock), actor(), reasonOrDefault(reason));
		designations.saveAndFlush(designation);
		dropGates(AccessFacts.Scope.DESIGNATION, designation.id().toString());
		access.forget();
	}

	// ---- per-user designation and overrides

	@Transactional(readOnly = true)
	public Overrides overrides(UUID userId) {
		requireUser(userId);
		return userAccesses.findById(userId)
			.map(a -> new Overrides(a.granted(), a.revoked(),
					a.designationId() == null ? null : a.designationId().toString()))
			.orElse(new Overrides(List.of(), List.of(), null));
	}

	@Transactional
	public Overrides setOverrides(UUID userId, @Nullable List<String> grants, @Nullable List<String> revocations) {
		UserAccount user = requireUser(userId);
		List<String> granted = checkedPermissions(grants);
		List<String> revoked = checkedPermissions(revocations);
		GrantPolicy.AccessState before = this.grants.stateOf(user);
		this.grants.checkAccessChange(user, before, before.withOverrides(Set.copyOf(granted), Set.copyOf(revoked)));
		UserAccess userAccess = userAccesses.findById(userId).orElseGet(() -> new UserAccess(userId));
		userAccess.override(granted, revoked);
		userAccesses.saveAndFlush(userAccess);
		access.forget();
		return overrides(userId);
	}

	@Transactional
	public void designate(UUID userId, @Nullable UUID designationId) {
		UserAccount user = requireUser(userId);
		if (designationId != null) {
			findDesignation(designationId);
		}
		GrantPolicy.AccessState before = grants.stateOf(user);
		grants.checkAccessChange(user, before, before.withDesignation(designationId));
		writeDesignation(userId, designationId);
	}

	/** Checks that the designation exists; for callers that judge the whole change with {@link GrantPolicy} first. */
	void requireDesignation(UUID designationId) {
		findDesignation(designationId);
	}

	/** Writes a designation already judged by {@link GrantPolicy} as part of a larger change. */
	void writeDesignation(UUID userId, @Nullable UUID designationId) {
		UserAccess userAccess = userAccesses.findById(userId).orElseGet(() -> new UserAccess(userId));
		userAccess.designate(designationId);
		userAccesses.saveAndFlush(userAccess);
		access.forget();
	}

	/** Whether {@code userId} holds {@code permission}, and every reason that decided it. */
	@Transactional(readOnly = true)
	public Explanation explain(UUID userId, String permission) {
		if (permission == null || !PermissionCatalogue.exists(permission)) {
			throw ProblemException.validation(Map.of("permission", "Unknown permission; use module:action, e.g. invoices:delete"));
		}
		UserAccount user = requireUser(userId);
		AccessFacts facts = access.load(userId, user.tier(), user.roles());
		EffectivePermissions.Decision decision = EffectivePermissions.decide(facts, permission);
		return new Explanation(permission, decision.granted(), decision.because());
	}

	/** The user's effective permissions, for the permission matrix. */
	@Transactional(readOnly = true)
	public Set<String> effective(UUID userId) {
		UserAccount user = requireUser(userId);
		return EffectivePermissions.of(access.load(userId, user.tier(), user.roles()));
	}

	// ---- feature gates

	/**
	 * A switched-off action for one role or designation. A role is named by {@code role} (its name) or
	 * {@code roleId}; it is kept by id, so renaming the role keeps the restriction. Answers carry both.
	 */
	public record Restriction(String module, @Nullable String action, @Nullable String role,
			@Nullable String designationId, @Nullable String roleId) {

		public Restriction(String module, @Nullable String action, @Nullable String role, @Nullable String designationId) {
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
				actions.put(action, live.stream().noneMatch(g -> g.scope() == AccessFacts.Scope.ALL
						&& g.module().equals(module) && action.equals(g.action())));
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

	/** Replaces the tenant's gates with the given state; modules or actions not mentioned are left as they are. */
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
						if (enabled == null || !PermissionCatalogue.ACTIONS.getOrDefault(module, List.of()).contains(action)) {
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
		if (r.action() != null && !PermissionCatalogue.ACTIONS.getOrDefault(r.module(), List.of()).contains(r.action())) {
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
			findDesignation(UUID.fromString(r.designationId()));
		}
		catch (IllegalArgumentException | ProblemException ex) {
			errors.put("restrictions", "Unknown designation " + r.designationId());
			return null;
		}
		return new AccessFacts.Gate(r.module(), r.action(), AccessFacts.Scope.DESIGNATION, r.designationId());
	}

	/** A role's stable id from its id or name: a built-in role's name, a custom role's UUID; null if unknown. */
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

	/** Restrictions of a deleted role or designation go with it: nobody holds it any more. */
	private void dropGates(AccessFacts.Scope scope, String ref) {
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

	// ---- helpers

	private Role findRole(String id) {
		try {
			return roles.findById(UUID.fromString(id)).orElseThrow(() -> ProblemException.notFound("Role"));
		}
		catch (IllegalArgumentException ex) {
			throw ProblemException.notFound("Role");
		}
	}

	private Designation findDesignation(UUID id) {
		return designations.findById(id).orElseThrow(() -> ProblemException.notFound("Designation"));
	}

	private UserAccount requireUser(UUID userId) {
		return identity.find(new UserId(userId)).orElseThrow(() -> ProblemException.notFound("User"));
	}

	private String checkedName(@Nullable String name, boolean role, @Nullable UUID self) {
		String clean = clean(name);
		if (clean == null || clean.length() > (role ? 50 : 100)
				|| (role && !clean.matches("^[A-Za-z][A-Za-z0-9 _-]{1,49}$"))) {
			throw ProblemException.validation(Map.of("name", role
					? "Use 2 to 50 letters, digits, spaces, dashes or underscores, starting with a letter"
					: "Enter a name (up to 100 characters)"));
		}
		if (role && PermissionCatalogue.isBuiltInRole(clean)) {
			throw ProblemException.validation(Map.of("name", "This is the name of a built-in role"));
		}
		boolean taken = role ? roles.findByName(clean).filter(r -> !r.id().equals(self)).isPresent()
				: designations.findByName(clean).filter(d -> !d.id().equals(self)).isPresent();
		if (taken) {
			throw ProblemException.validation(Map.of("name", "This name is taken"));
		}
		return clean;
	}

	private static List<String> checkedPermissions(@Nullable List<String> permissions) {
		if (permissions == null) {
			return List.of();
		}
		List<String> unknown = permissions.stream().filter(p -> p == null || !PermissionCatalogue.exists(p)).toList();
		if (!unknown.isEmpty()) {
			throw ProblemException.validation(Map.of("permissions", "Unknown permissions: " + unknown));
		}
		return permissions.stream().distinct().sorted().toList();
	}

	private static void refuseBuiltIn(String id) {
		if (PermissionCatalogue.isBuiltInRole(id)) {
			throw new ProblemException(HttpStatus.CONFLICT, "built_in_role",
					"Built-in roles cannot be changed; create a custom role instead");
		}
	}

	private static @Nullable UUID actor() {
		return CurrentUser.current().map(user -> user.id().value()).orElse(null);
	}

	private static String reasonOrDefault(@Nullable String reason) {
		String clean = clean(reason);
		return clean == null ? "deleted by an administrator" : clean;
	}

	private static @Nullable String clean(@Nullable String value) {
		if (value == null) {
			return null;
		}
		String stripped = value.strip();
		return stripped.isEmpty() ? null : stripped;
	}

	private static List<String> sorted(Set<String> permissions) {
		return permissions.stream().sorted().toList();
	}

	private static PermissionSet view(Role role) {
		return new PermissionSet(role.id().toString(), role.name(), role.description(), role.permissions(), false,
				role.version());
	}

	private static PermissionSet view(Designation designation) {
		return new PermissionSet(designation.id().toString(), designation.name(), designation.description(),
				designation.permissions(), false, designation.version());
	}

	static String builtInDescription(String name) {
		return switch (name) {
			case "ADMIN" -> "Every permission, including administration";
			case "MANAGER" -> "Every action in the business modules, plus reading designations and the audit log";
			case "REVIEWER" -> "Reads the business modules and approves invoices, payslips, documents and approvals";
			case "OPERATOR" -> "Reads, creates and edits customers, contacts, invoices and documents; submits approvals";
			case "VIEWER" -> "Reads the business modules";
			default -> "";
		};
	}
}
