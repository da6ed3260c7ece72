package io.prax.access;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.prax.identity.CurrentUser;
import io.prax.identity.Tier;
import io.prax.platform.ProblemException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Answers whether the current user holds a permission, from the facts in the database: tier, roles,
 * designation, overrides and feature gates (see {@link EffectivePermissions}). Computed once per request.
 */
@Service
public class AccessPolicy {

	private static final String MEMO = AccessPolicy.class.getName() + ".facts";

	private final Roles roles;
	private final Designations designations;
	private final UserAccesses userAccesses;
	private final FeatureGates gates;
	private final TransactionTemplate readOnly;

	AccessPolicy(Roles roles, Designations designations, UserAccesses userAccesses, FeatureGates gates,
			PlatformTransactionManager transactions) {
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
	 * Throws 403 {@code feature_disabled} when a gate switches it off, 403 {@code forbidden} when not granted.
	 * Handlers declare {@link RequiresPermission} instead; this is for checks that depend on the record.
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


	/** Whether a module is usable at all by the current user (for tabs): not gated off entirely. */
	public boolean moduleEnabled(String module) {
		return CurrentUser.current()
			.map(user -> factsOf(user).gates().stream()
				.noneMatch(gate -> gate.module().equals(module) && gate.action() == null && gate.appliesTo(factsOf(user))))
			.orElse(false);
	}

	EffectivePermissions.Decision decide(CurrentUser user, String permission) {
		return EffectivePermissions.decide(factsOf(user), permission);
	}

	AccessFacts factsOf(CurrentUser user) {
		RequestAttributes request = RequestContextHolder.getRequestAttributes();
		String key = MEMO + "." + user.id();
		if (request != null && request.getAttribute(key, RequestAttributes.SCOPE_REQUEST) instanceof AccessFacts facts) {
			return facts;
		}
		AccessFacts facts = load(user.id().value(), user.tier(), user.roles());
		if (request != null) {
			request.setAttribute(key, facts, RequestAttributes.SCOPE_REQUEST);
		}
		return facts;
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

	/** Reads the facts in one transaction, so row-level security sees the caller's tenant. */
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
