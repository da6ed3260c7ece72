package io.prax.access;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import io.prax.identity.IdentityManagement;
import io.prax.identity.NewUser;
import io.prax.identity.Tier;
import io.prax.identity.UserAccount;
import io.prax.identity.UserId;
import io.prax.platform.ProblemException;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Administrators invite users and set their tier, roles and designation; they never see or set passwords. */
@Service
public class UserAdministration {

	private final IdentityManagement identity;
	private final AccessPolicy access;
	private final AccessAdministration administration;

	UserAdministration(IdentityManagement identity, AccessPolicy access, AccessAdministration administration) {
		this.identity = identity;
		this.access = access;
		this.administration = administration;
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
		access.require("users:view");
		return identity.list().stream().map(this::managed).toList();
	}

	public ManagedUser get(UUID id) {
		access.require("users:view");
		return managed(identity.find(new UserId(id)).orElseThrow(() -> ProblemException.notFound("User")));
	}

	@Transactional
	public ManagedUser invite(Invitation invitation) {
		access.require("users:create");
		Map<String, String> errors = new LinkedHashMap<>();
		Tier tier = tier(invitation.tier(), errors);
		List<String> roles = roles(invitation.roles(), errors);
		if (!errors.isEmpty()) {
			throw ProblemException.validation(errors);
		}
		UserAccount user = identity.invite(new NewUser(String.valueOf(invitation.email()),
				String.valueOf(invitation.name()), tier, tier == Tier.CUSTOMER ? List.of() : roles,
				invitation.customerId()));
		if (invitation.designationId() != null) {
			administration.designate(user.id().value(), invitation.designationId());
		}
		return managed(user);
	}

	@Transactional
	public ManagedUser update(UUID id, Change change) {
		access.require("users:edit");
		Map<String, String> errors = new LinkedHashMap<>();
		Tier tier = change.tier() == null ? null : tier(change.tier(), errors);
		List<String> roles = change.roles() == null ? null : roles(change.roles(), errors);
		if (!errors.isEmpty()) {
			throw ProblemException.validation(errors);
		}
		UserAccount user = identity.update(new UserId(id),
				new IdentityManagement.UserChange(change.name(), tier, roles, change.customerId(), change.version()));
		if (change.designationId() != null || Boolean.TRUE.equals(change.clearDesignation())) {
			administration.designate(id, Boolean.TRUE.equals(change.clearDesignation()) ? null : change.designationId());
		}
		access.forget();
		return managed(user);
	}

	@Transactional
	public ManagedUser deactivate(UUID id) {
		access.require("users:delete");
		return managed(identity.deactivate(new UserId(id)));
	}

	public void sendPasswordReset(UUID id) {
		access.require("users:edit");
		identity.sendPasswordReset(new UserId(id));
	}

	public List<String> roleNames() {
		return administration.roleNames();
	}

	private ManagedUser managed(UserAccount account) {
		return new ManagedUser(account, administration.overrides(account.id().value()).designationId());
	}

	private static Tier tier(@Nullable String value, Map<String, String> errors) {
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
			String match = known.stream().filter(r -> r.equalsIgnoreCase(String.valueOf(role).strip())).findFirst()
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
