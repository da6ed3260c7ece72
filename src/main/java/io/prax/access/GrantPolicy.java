package io.prax.access;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import io.prax.identity.CurrentUser;
import io.prax.identity.UserDirectory;
import io.prax.identity.Tier;
import io.prax.identity.UserAccount;
import io.prax.identity.UserStatus;
import io.prax.platform.ProblemException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * The rule of administration, in one place: nobody gives a permission they do not hold
 * (by a role or designation definition, an assignment, an override, an invitation, a tier
 * or a feature gate), only tier ADMIN makes or unmakes an administrator, nobody edits
 * their own access, and a workspace always keeps an active administrator. Every
 * administration operation asks this before it writes anything; a refusal is a 403
 * {@code cannot_grant} naming the permissions beyond the actor's, 403 {@code own_access}
 * or 409 {@code last_admin}.
 */
@Component
class GrantPolicy {

	private final AccessPolicy access;

	private final UserDirectory identity;

	private final Roles roles;

	private final Designations designations;

	private final UserAccesses userAccesses;

	private final FeatureGates gates;

	GrantPolicy(AccessPolicy access, UserDirectory identity, Roles roles, Designations designations,
			UserAccesses userAccesses, FeatureGates gates) {
		this.access = access;
		this.identity = identity;
		this.roles = roles;
		this.designations = designations;
		this.userAccesses = userAccesses;
		this.gates = gates;
	}

	/**
	 * Everything that decides one user's permissions and that administration can change.
	 */
	record AccessState(Tier tier, List<String> roles, @Nullable UUID designationId, Set<String> granted,
			Set<String> revoked) {

		boolean administrator() {
			return tier == Tier.ADMIN || roles.stream().anyMatch(role -> role.equalsIgnoreCase("ADMIN"));
		}

		boolean sameAccessAs(AccessState other) {
			return tier == other.tier && lowerCase(roles).equals(lowerCase(other.roles))
					&& Objects.equals(designationId, other.designationId) && granted.equals(other.granted)
					&& revoked.equals(other.revoked);
		}

		AccessState withOverrides(Set<String> granted, Set<String> revoked) {
			return new AccessState(tier, roles, designationId, granted, revoked);
		}

		AccessState withDesignation(@Nullable UUID designationId) {
			return new AccessState(tier, roles, designationId, granted, revoked);
		}

		private static Set<String> lowerCase(List<String> names) {
			Set<String> lower = new TreeSet<>();
			names.forEach(name -> lower.add(name.toLowerCase(Locale.ROOT)));
			return lower;
		}
	}

	/** A user's current access state, as stored. */
	AccessState stateOf(UserAccount user) {
		UserAccess stored = userAccesses.findById(user.id().value()).orElse(null);
		return new AccessState(user.tier(), user.roles(), stored == null ? null : stored.designationId(),
				stored == null ? Set.of() : Set.copyOf(stored.granted()),
				stored == null ? Set.of() : Set.copyOf(stored.revoked()));
	}

	/**
	 * Checks a change of one user's access ({@code before} null for a user being
	 * invited): tier, roles, designation and overrides together, so a change is judged as
	 * a whole.
	 */
	void checkAccessChange(@Nullable UserAccount target, @Nullable AccessState before, AccessState after) {
		CurrentUser actor = CurrentUser.require();
		boolean changes = before == null || !before.sameAccessAs(after);
		if (!changes) {
			return;
		}
		if (before != null && target != null && target.status() == UserStatus.ACTIVE && target.tier() == Tier.ADMIN
				&& after.tier() != Tier.ADMIN) {
			requireAnotherActiveAdmin(target);
		}
		if (target != null && target.id().equals(actor.id())) {
			throw ownAccess();
		}
		boolean wasAdmin = before != null && before.administrator();
		if (wasAdmin != after.administrator() && actor.tier() != Tier.ADMIN) {
			throw onlyAdministrators();
		}
		Set<String> held = held(actor);
		Set<String> given = new LinkedHashSet<>();
		List<String> rolesBefore = before == null ? List.of() : before.roles();
		for (String role : after.roles()) {
			if (rolesBefore.stream().noneMatch(role::equalsIgnoreCase)) {
				given.addAll(permissionsOfRole(role));
			}
		}
		if (after.designationId() != null
				&& (before == null || !after.designationId().equals(before.designationId()))) {
			designations.findById(after.designationId()).ifPresent(d -> given.addAll(d.permissions()));
		}
		given.addAll(minus(after.granted(), before == null ? Set.of() : before.granted()));
		if (before != null) {
			given.addAll(minus(before.revoked(), after.revoked()));
		}
		// Whatever the route (a tier change lifts the portal cap, for instance): what the
		// user gains must be the actor's.
		Set<String> effectiveBefore = before == null ? Set.of() : EffectivePermissions.of(facts(before));
		given.addAll(minus(EffectivePermissions.of(facts(after)), effectiveBefore));
		refuseBeyond(given, held);
	}

	/**
	 * Checks a new or changed permission set of a role or designation ({@code existing}
	 * null for a new one).
	 */
	void checkDefinition(@Nullable PermissionSetRecord existing, List<String> permissions) {
		CurrentUser actor = CurrentUser.require();
		refuseBeyond(minus(Set.copyOf(permissions), existing == null ? Set.of() : Set.copyOf(existing.permissions())),
				held(actor));
		if (existing != null) {
			refuseRaisingOwn(actor, facts -> existing.heldWith(facts, Set.copyOf(permissions)));
		}
	}

	void checkDeletion(PermissionSetRecord set) {
		refuseRaisingOwn(CurrentUser.require(), facts -> set.heldWith(facts, null));
	}

	/**
	 * Checks that switching gates back on or lifting restrictions gives nobody what the
	 * actor does not hold.
	 */
	void checkGatesLifted(List<AccessFacts.Gate> lifted) {
		CurrentUser actor = CurrentUser.require();
		Set<String> given = new LinkedHashSet<>();
		for (AccessFacts.Gate gate : lifted) {
			PermissionCatalogue.all().stream().filter(gate::covers).forEach(given::add);
		}
		refuseBeyond(given, held(actor));
	}

	/**
	 * Deactivating an administrator needs an administrator, and never leaves the
	 * workspace without an active one.
	 */
	void checkDeactivation(UserAccount target) {
		CurrentUser actor = CurrentUser.require();
		if (target.tier() == Tier.ADMIN && target.status() == UserStatus.ACTIVE) {
			requireAnotherActiveAdmin(target);
		}
		if (stateOf(target).administrator() && actor.tier() != Tier.ADMIN) {
			throw onlyAdministrators();
		}
	}

	/**
	 * What the actor may give: every permission for tier ADMIN; otherwise the effective
	 * permissions, with gates for the whole workspace left out, since those switch a
	 * feature off for the receiver as well.
	 */
	Set<String> held(CurrentUser actor) {
		if (actor.tier() == Tier.ADMIN) {
			return PermissionCatalogue.all();
		}
		AccessFacts facts = access.factsOf(actor);
		return EffectivePermissions
			.of(new AccessFacts(facts.tier(), facts.roles(), facts.roleIds(), facts.designation(), facts.granted(),
					facts.revoked(), facts.gates().stream().filter(g -> g.scope() != AccessFacts.Scope.ALL).toList()));
	}

	/** What the signed-in user may give, for forms that offer only that. */
	Set<String> grantable() {
		return held(CurrentUser.require());
	}

	/**
	 * Whether the signed-in user may assign this role: they hold all it grants, and only
	 * an admin gives ADMIN.
	 */
	boolean mayAssignRole(String name, Set<String> grantable) {
		if (name.equalsIgnoreCase("ADMIN") && CurrentUser.require().tier() != Tier.ADMIN) {
			return false;
		}
		return grantable.containsAll(permissionsOfRole(name));
	}

	/** The tiers the signed-in user may give: ADMIN only as an administrator. */
	List<String> grantableTiers(List<String> tiers) {
		boolean admin = CurrentUser.require().tier() == Tier.ADMIN;
		return tiers.stream().filter(tier -> admin || !tier.equals(Tier.ADMIN.name())).toList();
	}

	private void requireAnotherActiveAdmin(UserAccount target) {
		boolean another = identity.lockActiveAdmins().stream().anyMatch(admin -> !admin.id().equals(target.id()));
		if (!another) {
			throw new ProblemException(HttpStatus.CONFLICT, "last_admin",
					"This is the workspace's last active administrator; make another user an administrator first");
		}
	}

	private void refuseRaisingOwn(CurrentUser actor, java.util.function.UnaryOperator<AccessFacts> change) {
		AccessFacts facts = access.factsOf(actor);
		Set<String> raised = minus(EffectivePermissions.of(change.apply(facts)), EffectivePermissions.of(facts));
		if (!raised.isEmpty()) {
			throw new ProblemException(HttpStatus.FORBIDDEN, "own_access",
					"You hold this role or designation; this change would raise your own permissions ("
							+ String.join(", ", new TreeSet<>(raised)) + ")");
		}
	}

	private AccessFacts facts(AccessState state) {
		Map<String, Set<String>> grants = new LinkedHashMap<>();
		Map<String, String> ids = new LinkedHashMap<>();
		for (String name : state.tier() == Tier.CUSTOMER ? List.<String>of() : state.roles()) {
			if (PermissionCatalogue.isBuiltInRole(name)) {
				String builtIn = name.toUpperCase(Locale.ROOT);
				grants.put(builtIn, PermissionCatalogue.BUILT_IN_GRANTS.get(builtIn));
				ids.put(builtIn, builtIn);
			}
			else {
				roles.findByName(name).ifPresent(role -> {
					grants.put(role.name(), Set.copyOf(role.permissions()));
					ids.put(role.name(), role.id().toString());
				});
			}
		}
		AccessFacts.Designation designation = state.designationId() == null ? null
				: designations.findById(state.designationId())
					.map(d -> new AccessFacts.Designation(d.id(), d.name(), Set.copyOf(d.permissions())))
					.orElse(null);
		return new AccessFacts(state.tier(), grants, ids, designation, state.granted(), state.revoked(),
				gates.findAll().stream().map(FeatureGate::gate).toList());
	}

	private Set<String> permissionsOfRole(String name) {
		if (PermissionCatalogue.isBuiltInRole(name)) {
			return PermissionCatalogue.BUILT_IN_GRANTS.getOrDefault(name.toUpperCase(Locale.ROOT), Set.of());
		}
		return roles.findByName(name).map(role -> Set.copyOf(role.permissions())).orElse(Set.of());
	}

	private static void refuseBeyond(Set<String> given, Set<String> held) {
		List<String> beyond = new ArrayList<>(new TreeSet<>(minus(given, held)));
		if (!beyond.isEmpty()) {
			throw new CannotGrant(beyond,
					"You can only give permissions you hold yourself; beyond yours: " + String.join(", ", beyond));
		}
	}

	private static ProblemException ownAccess() {
		return new ProblemException(HttpStatus.FORBIDDEN, "own_access",
				"You cannot change your own tier, roles, designation or overrides; ask another administrator");
	}

	private static ProblemException onlyAdministrators() {
		return new CannotGrant(List.of(), "Only an administrator (tier ADMIN) can make or unmake an administrator");
	}

	private static Set<String> minus(Set<String> set, Set<String> removed) {
		Set<String> rest = new LinkedHashSet<>(set);
		rest.removeAll(removed);
		return rest;
	}

	/**
	 * 403 {@code cannot_grant}; the problem's {@code permissions} member names what the
	 * actor lacks.
	 */
	static final class CannotGrant extends ProblemException {

		private final List<String> permissions;

		CannotGrant(List<String> permissions, String detail) {
			super(HttpStatus.FORBIDDEN, "cannot_grant", detail);
			this.permissions = List.copyOf(permissions);
		}

		@Override
		public Map<String, Object> properties() {
			return Map.of("permissions", permissions);
		}

	}

}
