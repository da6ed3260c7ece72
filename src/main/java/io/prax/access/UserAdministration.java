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

/** Administrators invite users and pick their tier and roles; they never see or set passwords. */
@Service
public class UserAdministration {

	private final IdentityManagement identity;
	private final AccessPolicy access;

	UserAdministration(IdentityManagement identity, AccessPolicy access) {
		this.identity = identity;
		this.access = access;
	}

	/** An invitation as the API and the admin page send it. */
	public record Invitation(@Nullable String email, @Nullable String name, @Nullable String tier,
			@Nullable List<String> roles, @Nullable UUID designationId, @Nullable UUID customerId) {
	}

	public List<UserAccount> list() {
		access.require("users:view");
		return identity.list();
	}

	public UserAccount get(UUID id) {
		access.require("users:view");
		return identity.find(new UserId(id)).orElseThrow(() -> ProblemException.notFound("User"));
	}

	public UserAccount invite(Invitation invitation) {
		access.require("users:create");
		Map<String, String> errors = new LinkedHashMap<>();
		Tier tier = null;
		try {
			tier = Tier.valueOf(String.valueOf(invitation.tier()).strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			errors.put("tier", "Choose ADMIN, EMPLOYEE or CUSTOMER");
		}
		List<String> roles = new ArrayList<>();
		for (String role : invitation.roles() == null ? List.<String>of() : invitation.roles()) {
			String name = String.valueOf(role).strip().toUpperCase(Locale.ROOT);
			if (!AccessPolicy.ROLE_NAMES.contains(name)) {
				errors.put("roles", "Unknown role " + role + "; use " + String.join(", ", AccessPolicy.ROLE_NAMES));
			}
			else if (!roles.contains(name)) {
				roles.add(name);
			}
		}
		if (invitation.designationId() != null) {
			errors.put("designationId", "Designations are not available in this version");
		}
		if (!errors.isEmpty()) {
			throw ProblemException.validation(errors);
		}
		return identity.invite(new NewUser(String.valueOf(invitation.email()), String.valueOf(invitation.name()), tier,
				tier == Tier.CUSTOMER ? List.of() : roles, invitation.customerId()));
	}

	public void sendPasswordReset(UUID id) {
		access.require("users:edit");
		identity.sendPasswordReset(new UserId(id));
	}
}
