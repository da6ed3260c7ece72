package io.prax.access;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.prax.identity.CurrentUser;
import io.prax.identity.Tier;
import io.prax.platform.NodeCache;
import io.prax.platform.NodeCaches;
import io.prax.platform.ProblemException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Answers whether the current user holds a permission, from the facts in the database:
 * tier, roles, designation, overrides and feature gates (see
 * {@link EffectivePermissions}). The facts are cached on this node ({@link NodeCaches}:
 * every node forgets a tenant's facts at each committed change of its roles,
 * designations, overrides, gates or users) and memoised once per request.
 */
@Service
public class AccessPolicy {

	private static final String MEMO = AccessPolicy.class.getName() + ".facts";

	private final Roles roles;

	private final Designations designations;

	private final UserAccesses userAccesses;

	private final FeatureGates gates;

	private final TransactionTemplate readOnly;

	private final NodeCache<FactsKey, AccessFacts> cached;

	/**
	 * The user and what their session says of them; a changed tier or role list is
	 * another entry.
	 */
	private record FactsKey(UUID userId, Tier tier, List<String> roles) {
	}

	AccessPolicy(Roles roles, Designations designations, UserAccesses userAccesses, FeatureGates gates,
			PlatformTransactionManager transactions, NodeCaches caches) {
		this.cached = caches.create("access-facts", 100_000, java.time.Duration.ofSeconds(60));
		this.readOnly = new TransactionTemplate(transactions);
		this.readOnly.setReadOnly(true);
		this.roles = roles;
		this.designations = designations;
		this.userAccesses = userAccesses;
		this.gates = gates;
	}

	/** The current user's effective permissions. */
	public Set<String> permissionsOf(CurrentUser user) {
		return EffectivePermissions.of(factsOf(user));
	}

	public boolean can(Permission permission) {
		return CurrentUser.current().map(user -> decide(user, permission.key()).granted()).orElse(false);
	}

	/**
	 * Throws 403 {@code feature_disabled} when a gate switches it off, 403
	 * {@code forbidden} when not granted. Handlers declare {@link RequiresPermission}
	 * instead; this is for checks that depend on the record.
	 */
	public void require(Permission permission) {
		CurrentUser user = CurrentUser.require();
		EffectivePermissions.Decision decision = decide(user, permission.key());
		if (decision.gated()) {
			throw new ProblemException(HttpStatus.FORBIDDEN, "feature_disabled",
					"This feature is switched off for your workspace or role");
		}
		if (!decision.granted()) {
			throw ProblemException.forbidden();
		}
	}

	/**
	 * Whether a module is usable at all by the current user (for tabs): not gated off
	 * entirely.
	 */
	public boolean moduleEnabled(String module) {
		return CurrentUser.current()
			.map(user -> factsOf(user).gates()
				.stream()
				.noneMatch(
						gate -> gate.module().equals(module) && gate.action() == null && gate.appliesTo(factsOf(user))))
			.orElse(false);
	}

	EffectivePermissions.Decision decide(CurrentUser user, String permission) {
		return EffectivePermissions.decide(factsOf(user), permission);
	}

	AccessFacts factsOf(CurrentUser user) {
		RequestAttributes request = RequestContextHolder.getRequestAttributes();
		String key = MEMO + "." + user.id();
		if (request != null
				&& request.getAttribute(key, RequestAttributes.SCOPE_REQUEST) instanceof AccessFacts facts) {
			return facts;
		}
		AccessFacts facts = writing() ? load(user.id().value(), user.tier(), user.roles()) : cached
			.get(user.tenantId().value(), new FactsKey(user.id().value(), user.tier(), List.copyOf(user.roles())),
					() -> java.util.Optional.of(load(user.id().value(), user.tier(), user.roles())))
			.orElseThrow();
		if (request != null) {
			request.setAttribute(key, facts, RequestAttributes.SCOPE_REQUEST);
		}
		return facts;
	}

	/**
	 * Inside a writing transaction the facts are read in it, so its own uncommitted
	 * changes count.
	 */
	private static boolean writing() {
		return TransactionSynchronizationManager.isActualTransactionActive()
				&& !TransactionSynchronizationManager.isCurrentTransactionReadOnly();
	}

	/** Drops the per-request memo after an administrator changed access facts. */
	void forget() {
		RequestAttributes request = RequestContextHolder.getRequestAttributes();
		CurrentUser.current().ifPresent(user -> {
			if (request != null) {
				request.removeAttribute(MEMO + "." + user.id(), RequestAttributes.SCOPE_REQUEST);
			}
		});
	}

	/**
	 * Reads the facts in one transaction, so row-level security sees the caller's tenant.
	 */
	AccessFacts load(UUID userId, Tier tier, List<String> roleNames) {
		return readOnly.execute(status -> read(userId, tier, roleNames));
	}

	private AccessFacts read(UUID userId, Tier tier, List<String> roleNames) {
		Map<String, Set<String>> granted = new LinkedHashMap<>(EffectivePermissions.builtInRoles(roleNames));
		Map<String, String> ids = new LinkedHashMap<>();
		granted.keySet().forEach(name -> ids.put(name, name));
		for (String name : roleNames) {
			if (!PermissionCatalogue.isBuiltInRole(name)) {
				roles.findByName(name).ifPresent(role -> {
					granted.put(role.name(), Set.copyOf(role.permissions()));
					ids.put(role.name(), role.id().toString());
				});
			}
		}
		UserAccess access = userAccesses.findById(userId).orElse(null);
		AccessFacts.Designation designation = null;
		if (access != null && access.designationId() != null) {
			designation = designations.findById(access.designationId())
				.map(d -> new AccessFacts.Designation(d.id(), d.name(), Set.copyOf(d.permissions())))
				.orElse(null);
		}
		return new AccessFacts(tier, granted, ids, designation,
				access == null ? Set.of() : Set.copyOf(access.granted()),
				access == null ? Set.of() : Set.copyOf(access.revoked()),
				gates.findAll().stream().map(FeatureGate::gate).toList());
	}

}
