package io.prax.access;

import java.util.List;
import java.util.Map;
import java.util.Set;

import io.prax.identity.UserDirectory;
import io.prax.identity.UserAccount;
import io.prax.identity.UserId;
import io.prax.platform.ProblemException;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * One user's access: their designation, per-user overrides, and "explain" for any
 * permission ({@link PermissionSetAdministration} has roles and designations,
 * {@link FeatureGateAdministration} the feature gates). Every change is a record change,
 * so it is audited. Callers are guarded by {@link RequiresPermission}; every change first
 * passes {@link GrantPolicy}.
 */
@Service
public class AccessAdministration {

	private final Designations designations;

	private final UserAccesses userAccesses;

	private final UserDirectory identity;

	private final AccessPolicy access;

	private final GrantPolicy grants;

	AccessAdministration(Designations designations, UserAccesses userAccesses, UserDirectory identity,
			AccessPolicy access, GrantPolicy grants) {
		this.designations = designations;
		this.userAccesses = userAccesses;
		this.identity = identity;
		this.access = access;
		this.grants = grants;
	}

	public record Overrides(List<String> grants, List<String> revocations, @Nullable String designationId) {
	}

	public record Explanation(String permission, boolean granted, List<String> because) {
	}

	@Transactional(readOnly = true)
	public Overrides overrides(UserId userId) {
		requireUser(userId);
		return userAccesses.findById(userId.value())
			.map(a -> new Overrides(a.granted(), a.revoked(),
					a.designationId() == null ? null : a.designationId().toString()))
			.orElse(new Overrides(List.of(), List.of(), null));
	}

	@Transactional
	public Overrides setOverrides(UserId userId, @Nullable List<String> grants, @Nullable List<String> revocations) {
		UserAccount user = requireUser(userId);
		List<String> granted = PermissionCatalogue.checked(grants);
		List<String> revoked = PermissionCatalogue.checked(revocations);
		GrantPolicy.AccessState before = this.grants.stateOf(user);
		this.grants.checkAccessChange(user, before, before.withOverrides(Set.copyOf(granted), Set.copyOf(revoked)));
		UserAccess userAccess = userAccesses.findById(userId.value()).orElseGet(() -> new UserAccess(userId.value()));
		userAccess.override(granted, revoked);
		userAccesses.saveAndFlush(userAccess);
		access.forget();
		return overrides(userId);
	}

	/** Assigns a designation to a user, or with null takes theirs away. */
	@Transactional
	public void designate(UserId userId, @Nullable DesignationId designationId) {
		UserAccount user = requireUser(userId);
		if (designationId != null) {
			requireDesignation(designationId);
		}
		GrantPolicy.AccessState before = grants.stateOf(user);
		grants.checkAccessChange(user, before,
				before.withDesignation(designationId == null ? null : designationId.value()));
		writeDesignation(userId, designationId);
	}

	/**
	 * Checks that the designation exists; for callers that judge the whole change with
	 * {@link GrantPolicy} first.
	 */
	void requireDesignation(DesignationId designationId) {
		if (designations.findById(designationId.value()).isEmpty()) {
			throw ProblemException.notFound(PermissionSetKind.DESIGNATION.title());
		}
	}

	/**
	 * Writes a designation already judged by {@link GrantPolicy} as part of a larger
	 * change.
	 */
	void writeDesignation(UserId userId, @Nullable DesignationId designationId) {
		UserAccess userAccess = userAccesses.findById(userId.value()).orElseGet(() -> new UserAccess(userId.value()));
		userAccess.designate(designationId == null ? null : designationId.value());
		userAccesses.saveAndFlush(userAccess);
		access.forget();
	}

	/**
	 * Whether {@code userId} holds {@code permission}, and every reason that decided it.
	 */
	@Transactional(readOnly = true)
	public Explanation explain(UserId userId, String permission) {
		if (permission == null || !PermissionCatalogue.exists(permission)) {
			throw ProblemException
				.validation(Map.of("permission", "Unknown permission; use module:action, e.g. invoices:delete"));
		}
		UserAccount user = requireUser(userId);
		AccessFacts facts = access.load(userId.value(), user.tier(), user.roles());
		EffectivePermissions.Decision decision = EffectivePermissions.decide(facts, permission);
		return new Explanation(permission, decision.granted(), decision.because());
	}

	/** The user's effective permissions, for the permission matrix. */
	@Transactional(readOnly = true)
	public Set<String> effective(UserId userId) {
		UserAccount user = requireUser(userId);
		return EffectivePermissions.of(access.load(userId.value(), user.tier(), user.roles()));
	}

	private UserAccount requireUser(UserId userId) {
		return identity.find(userId).orElseThrow(() -> ProblemException.notFound("User"));
	}

}
