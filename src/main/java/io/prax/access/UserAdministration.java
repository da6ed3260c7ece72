package io.prax.access;

import static io.prax.platform.Validation.checked;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.prax.identity.UserDirectory;
import io.prax.identity.PasswordResets;
import io.prax.identity.UserLifecycle;
import io.prax.identity.NewUser;
import io.prax.identity.Tier;
import io.prax.identity.UserAccount;
import io.prax.identity.UserId;
import io.prax.identity.UserImport;
import io.prax.platform.Page;
import io.prax.platform.ProblemException;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Administrators invite users and set their tier, roles and designation; they never see
 * or set passwords. Callers are guarded by {@link RequiresPermission}; every change of
 * access first passes {@link GrantPolicy}.
 */
@Service
public class UserAdministration {

	private final UserDirectory identity;

	private final PasswordResets resets;

	private final UserLifecycle lifecycle;

	private final AccessPolicy access;

	private final AccessAdministration administration;

	private final PermissionSetAdministration sets;

	private final GrantPolicy grants;

	private final UserImport importer;

	UserAdministration(UserDirectory identity, PasswordResets resets, UserLifecycle lifecycle, AccessPolicy access,
			AccessAdministration administration, PermissionSetAdministration sets, GrantPolicy grants,
			UserImport importer) {
		this.importer = importer;
		this.identity = identity;
		this.resets = resets;
		this.lifecycle = lifecycle;
		this.access = access;
		this.administration = administration;
		this.sets = sets;
		this.grants = grants;
	}

	/** An invitation as the API and the admin page send it. */
	public record Invitation(@Nullable String email, @Nullable String name, @Nullable String tier,
			@Nullable List<String> roles, @Nullable UUID designationId, @Nullable UUID customerId) {
	}

	/** A change as the API and the admin page send it; absent fields stay as they are. */
	public record Change(@Nullable String name, @Nullable String tier, @Nullable List<String> roles,
			@Nullable UUID designationId, @Nullable Boolean clearDesignation, @Nullable UUID customerId,
			@Nullable Long version) {
	}

	/** A user with the designation the access module keeps for them. */
	public record ManagedUser(UserAccount account, @Nullable String designationId) {
	}

	public List<ManagedUser> list() {
		return identity.list().stream().map(this::managed).toList();
	}

	/** A page of users by name; a tenant's staff is small enough to page in memory. */
	public Page<ManagedUser> list(@Nullable String cursor, @Nullable Integer limit) {
		Page<UserAccount> page = Page.ofSorted(identity.list(),
				user -> user.name().toLowerCase(Locale.ROOT) + "\n" + user.id(), cursor, limit);
		return new Page<>(page.items().stream().map(this::managed).toList(), page.nextCursor());
	}

	public ManagedUser get(UserId id) {
		return managed(identity.find(id).orElseThrow(() -> ProblemException.notFound("User")));
	}

	@Transactional
	public ManagedUser invite(Invitation invitation) {
		Map<String, String> errors = new LinkedHashMap<>();
		Tier tier = tier(invitation.tier(), errors);
		List<String> roles = roles(invitation.roles(), errors);
		if (!errors.isEmpty()) {
			throw ProblemException.validation(errors);
		}
		List<String> granted = tier == Tier.CUSTOMER ? List.of() : roles;
		DesignationId designationId = designation(invitation.designationId());
		if (designationId != null) {
			administration.requireDesignation(designationId);
		}
		grants.checkAccessChange(null, null,
				new GrantPolicy.AccessState(checked(tier), granted, invitation.designationId(), Set.of(), Set.of()));
		UserAccount user = lifecycle.invite(new NewUser(String.valueOf(invitation.email()),
				String.valueOf(invitation.name()), checked(tier), granted, invitation.customerId()));
		if (designationId != null) {
			administration.writeDesignation(user.id(), designationId);
		}
		return managed(user);
	}

	@Transactional
	public ManagedUser update(UserId id, Change change) {
		Map<String, String> errors = new LinkedHashMap<>();
		Tier tier = change.tier() == null ? null : tier(change.tier(), errors);
		List<String> roles = change.roles() == null ? null : roles(change.roles(), errors);
		if (!errors.isEmpty()) {
			throw ProblemException.validation(errors);
		}
		UserAccount current = identity.find(id).orElseThrow(() -> ProblemException.notFound("User"));
		boolean designates = change.designationId() != null || Boolean.TRUE.equals(change.clearDesignation());
		DesignationId designationId = Boolean.TRUE.equals(change.clearDesignation()) ? null
				: designation(change.designationId());
		if (designationId != null) {
			administration.requireDesignation(designationId);
		}
		GrantPolicy.AccessState before = grants.stateOf(current);
		Tier newTier = tier != null ? tier : current.tier();
		List<String> newRoles = newTier == Tier.CUSTOMER ? List.of() : roles != null ? roles : current.roles();
		grants.checkAccessChange(current, before,
				new GrantPolicy.AccessState(newTier, newRoles,
						designates ? (designationId == null ? null : designationId.value()) : before.designationId(),
						before.granted(), before.revoked()));
		UserAccount user = lifecycle.update(id,
				new UserLifecycle.UserChange(change.name(), tier, roles, change.customerId(), change.version()));
		if (designates) {
			administration.writeDesignation(id, designationId);
		}
		access.forget();
		return managed(user);
	}

	@Transactional
	public ManagedUser deactivate(UserId id) {
		grants.checkDeactivation(identity.find(id).orElseThrow(() -> ProblemException.notFound("User")));
		return managed(lifecycle.deactivate(id));
	}

	/**
	 * What an import did: the users it created, or (and then nothing was written) why
	 * rows were refused.
	 */
	public record ImportOutcome(List<UserImport.Imported> imported, List<UserImport.RowProblem> refused) {
	}

	/**
	 * Imports users from CSV ({@link UserImportCsv}), all or nothing: one refused row
	 * refuses the whole file. Each row's tier and roles pass {@link GrantPolicy} as an
	 * invitation would.
	 */
	@Transactional
	public ImportOutcome importUsers(String csv) {
		UserImportCsv.Parsed parsed = UserImportCsv.parse(csv);
		if (!parsed.problems().isEmpty()) {
			return new ImportOutcome(List.of(), parsed.problems());
		}
		List<UserImport.RowProblem> problems = new ArrayList<>();
		List<UserImport.ImportedUser> rows = new ArrayList<>();
		for (UserImportCsv.Row row : parsed.rows()) {
			Map<String, String> errors = new LinkedHashMap<>();
			String tierCell = row.get("tier");
			Tier tier = tierCell == null ? Tier.EMPLOYEE : tier(tierCell, errors);
			if (tier == Tier.CUSTOMER) {
				errors.put("tier", "Import ADMIN or EMPLOYEE users; invite customer-portal users one by one");
			}
			List<String> roles = roles(UserImportCsv.roles(row.get("roles")), errors);
			errors.forEach((column, message) -> problems.add(new UserImport.RowProblem(row.row(), column,
					column.equals("tier") ? "tier_invalid" : "role_unknown", message)));
			if (errors.isEmpty()) {
				try {
					grants.checkAccessChange(null, null, new GrantPolicy.AccessState(
							io.prax.platform.Validation.checked(tier), roles, null, Set.of(), Set.of()));
				}
				catch (ProblemException refused) {
					problems.add(new UserImport.RowProblem(row.row(), "roles", refused.code(), refused.getMessage()));
				}
			}
			rows.add(new UserImport.ImportedUser(row.row(), java.util.Objects.requireNonNullElse(row.get("email"), ""),
					java.util.Objects.requireNonNullElse(row.get("name"), ""), tier == null ? Tier.EMPLOYEE : tier,
					roles, row.get("password_hash")));
		}
		problems.addAll(importer.check(rows));
		if (!problems.isEmpty()) {
			problems.sort(java.util.Comparator.comparingInt(UserImport.RowProblem::row));
			return new ImportOutcome(List.of(), problems);
		}
		List<UserImport.Imported> imported = importer.create(rows);
		access.forget();
		return new ImportOutcome(imported, List.of());
	}

	public void sendPasswordReset(UserId id) {
		resets.sendPasswordReset(id);
	}

	public List<String> roleNames() {
		return sets.roleNames();
	}

	private ManagedUser managed(UserAccount account) {
		return new ManagedUser(account, administration.overrides(account.id()).designationId());
	}

	private static @Nullable DesignationId designation(@Nullable UUID id) {
		return id == null ? null : new DesignationId(id);
	}

	private static @Nullable Tier tier(@Nullable String value, Map<String, String> errors) {
		try {
			return Tier.valueOf(String.valueOf(value).strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			errors.put("tier", "Choose ADMIN, EMPLOYEE or CUSTOMER");
			return null;
		}
	}

	private List<String> roles(@Nullable List<String> requested, Map<String, String> errors) {
		List<String> known = roleNames();
		List<String> roles = new ArrayList<>();
		for (String role : requested == null ? List.<String>of() : requested) {
			String match = known.stream()
				.filter(r -> r.equalsIgnoreCase(String.valueOf(role).strip()))
				.findFirst()
				.orElse(null);
			if (match == null) {
				errors.put("roles", "Unknown role " + role + "; use " + String.join(", ", known));
			}
			else if (!roles.contains(match)) {
				roles.add(match);
			}
		}
		return roles;
	}

}
