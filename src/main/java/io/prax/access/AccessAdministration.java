package io.prax.access;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.prax.identity.CurrentUser;
import io.prax.identity.UserDirectory;
import io.prax.identity.UserLifecycle;
import io.prax.identity.UserAccount;
import io.prax.identity.UserId;
import io.prax.platform.Page;
import io.prax.platform.ProblemException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Administration of who may do what: custom roles, designations, per-user overrides, and
 * "explain" for any user and permission ({@link FeatureGateAdministration} has the
 * feature gates). Every change is a record change, so it is audited. Callers are guarded
 * by {@link RequiresPermission}; every change first passes {@link GrantPolicy}.
 */
@Service
public class AccessAdministration {

	private final Roles roles;

	private final Designations designations;

	private final UserAccesses userAccesses;

	private final FeatureGateAdministration gates;

	private final UserDirectory identity;

	private final UserLifecycle lifecycle;

	private final AccessPolicy access;

	private final GrantPolicy grants;

	private final Clock clock;

	AccessAdministration(Roles roles, Designations designations, UserAccesses userAccesses,
			FeatureGateAdministration gates, UserDirectory identity, UserLifecycle lifecycle, AccessPolicy access,
			GrantPolicy grants, Clock clock) {
		this.roles = roles;
		this.designations = designations;
		this.userAccesses = userAccesses;
		this.gates = gates;
		this.identity = identity;
		this.lifecycle = lifecycle;
		this.access = access;
		this.grants = grants;
		this.clock = clock;
	}

	/**
	 * A role or designation as shown and edited; built-in roles have their name as id and
	 * cannot change.
	 */
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

	/**
	 * A page of {@link #roles()}: built-in roles first, in their catalogue order, then
	 * the tenant's by name.
	 */
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
			lifecycle.renameRole(role.name(), name);
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
		lifecycle.renameRole(role.name(), null);
		role.delete(Instant.now(clock), actor(), reasonOrDefault(reason));
		roles.saveAndFlush(role);
		gates.drop(AccessFacts.Scope.ROLE, role.id().toString());
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
		designation.update(name, input.description() == null ? designation.description() : clean(input.description()),
				permissions);
		access.forget();
		return view(designations.saveAndFlush(designation));
	}

	@Transactional
	public void deleteDesignation(UUID id, @Nullable String reason) {
		Designation designation = findDesignation(id);
		grants.checkDesignationDeletion(designation);
		designation.delete(Instant.now(clock), actor(), reasonOrDefault(reason));
		designations.saveAndFlush(designation);
		gates.drop(AccessFacts.Scope.DESIGNATION, designation.id().toString());
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

	/**
	 * Checks that the designation exists; for callers that judge the whole change with
	 * {@link GrantPolicy} first.
	 */
	void requireDesignation(UUID designationId) {
		findDesignation(designationId);
	}

	/**
	 * Writes a designation already judged by {@link GrantPolicy} as part of a larger
	 * change.
	 */
	void writeDesignation(UUID userId, @Nullable UUID designationId) {
		UserAccess userAccess = userAccesses.findById(userId).orElseGet(() -> new UserAccess(userId));
		userAccess.designate(designationId);
		userAccesses.saveAndFlush(userAccess);
		access.forget();
	}

	/**
	 * Whether {@code userId} holds {@code permission}, and every reason that decided it.
	 */
	@Transactional(readOnly = true)
	public Explanation explain(UUID userId, String permission) {
		if (permission == null || !PermissionCatalogue.exists(permission)) {
			throw ProblemException
				.validation(Map.of("permission", "Unknown permission; use module:action, e.g. invoices:delete"));
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
			throw ProblemException.validation(Map.of("name",
					role ? "Use 2 to 50 letters, digits, spaces, dashes or underscores, starting with a letter"
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
			case "OPERATOR" ->
				"Reads, creates and edits customers, contacts, invoices and documents; submits approvals";
			case "VIEWER" -> "Reads the business modules";
			default -> "";
		};
	}

}
