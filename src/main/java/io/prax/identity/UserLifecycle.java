package io.prax.identity;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import io.prax.platform.ProblemException;
import io.prax.tenancy.TenantInfo;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Users of the current tenant from creation to deactivation: invitations, users created
 * with a password of their own (first administrator, demo, import), changes by an
 * administrator, deactivation.
 */
@Service
public class UserLifecycle {

	private final Users users;

	private final OneTimeLinks links;

	private final PasswordHashing passwords;

	private final PasswordPolicy policy;

	private final IdentityMails mails;

	private final CurrentWorkspace workspace;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final TransactionTemplate transactions;

	UserLifecycle(Users users, OneTimeLinks links, PasswordHashing passwords, PasswordPolicy policy,
			IdentityMails mails, CurrentWorkspace workspace, ApplicationEventPublisher events, Clock clock,
			TransactionTemplate transactions) {
		this.users = users;
		this.links = links;
		this.passwords = passwords;
		this.policy = policy;
		this.mails = mails;
		this.workspace = workspace;
		this.events = events;
		this.clock = clock;
		this.transactions = transactions;
	}

	/**
	 * An active user with a password chosen by that person: the first administrator at
	 * set-up or sign-up, and the demo users. Call outside any transaction (the hash runs
	 * first).
	 */
	public UserAccount createWithPassword(NewUser newUser, String password) {
		String hash = hashNewPassword(newUser, password);
		return transactions.execute(status -> createWithPasswordHash(newUser, hash));
	}

	/**
	 * Checks the new user of the current tenant and the password policy, then hashes:
	 * outside any transaction.
	 */
	String hashNewPassword(NewUser newUser, String password) {
		TenantInfo tenant = workspace.info();
		return hashNewPassword(newUser, password, tenant.name(), tenant.slug());
	}

	/** The same for the first user of a workspace that does not exist yet. */
	String hashNewPassword(NewUser newUser, String password, String workspaceName, String workspaceSlug) {
		requireValid(newUser);
		String normalized = policy.check(password,
				new PasswordPolicy.Owner(newUser.email(), newUser.name(), workspaceName, workspaceSlug));
		return passwords.encode(normalized);
	}

	/**
	 * Stores a user whose password was hashed by {@link #hashNewPassword}; in the
	 * caller's transaction.
	 */
	UserAccount createWithPasswordHash(NewUser newUser, String hash) {
		requireValid(newUser);
		User user = new User(IdentityRules.normalize(newUser.email()), newUser.name().strip(), newUser.tier(),
				newUser.roles(), newUser.customerId());
		user.setPassword(hash, Instant.now(clock));
		return users.saveAndFlush(user).account();
	}

	/** Creates the user and mails a one-time link (72 hours) to set the password. */
	@Transactional
	public UserAccount invite(NewUser invitation) {
		Map<String, String> errors = IdentityRules.check(invitation.email(), invitation.name());
		if (invitation.tier() == Tier.CUSTOMER && invitation.customerId() == null) {
			errors.put("customerId", "A customer-portal user belongs to a customer: choose one");
		}
		if (invitation.tier() != Tier.CUSTOMER && invitation.customerId() != null) {
			errors.put("customerId", "Only customer-portal users belong to a customer");
		}
		if (!errors.isEmpty()) {
			throw ProblemException.validation(errors);
		}
		String email = IdentityRules.normalize(invitation.email());
		if (users.findByEmail(email).isPresent()) {
			throw new ProblemException(HttpStatus.CONFLICT, "user_exists", "A user with this email already exists");
		}
		User user = users.saveAndFlush(new User(email, invitation.name().strip(), invitation.tier(), invitation.roles(),
				invitation.customerId()));
		String link = links.issue(user, PasswordToken.Purpose.INVITATION, OneTimeLinks.INVITATION_LIFETIME);
		events.publishEvent(new UserInvited(user.account().tenantId(), user.account().id(), email, invitation.tier()));
		mails.invitation(email, user.account().name(), workspace.info(), link);
		return user.account();
	}

	/** A change of a user by an administrator; null fields stay as they are. */
	public record UserChange(@Nullable String name, @Nullable Tier tier, @Nullable List<String> roles,
			@Nullable UUID customerId, @Nullable Long version) {
	}

	/**
	 * Changes name, tier, roles or customer of a user; the caller's version must be
	 * current.
	 */
	@Transactional
	public UserAccount update(UserId id, UserChange change) {
		User user = live(id);
		if (change.version() != null) {
			user.requireVersion(change.version());
		}
		Tier tier = change.tier() != null ? change.tier() : user.account().tier();
		UUID customerId = change.customerId() != null ? change.customerId()
				: (tier == Tier.CUSTOMER ? user.account().customerId() : null);
		Map<String, String> errors = new LinkedHashMap<>();
		if (change.name() != null && (change.name().isBlank() || change.name().strip().length() > 200)) {
			errors.put("name", "Enter a name (up to 200 characters)");
		}
		if (tier == Tier.CUSTOMER && customerId == null) {
			errors.put("customerId", "A customer-portal user belongs to a customer: choose one");
		}
		if (!errors.isEmpty()) {
			throw ProblemException.validation(errors);
		}
		List<String> roles = tier == Tier.CUSTOMER ? List.of()
				: change.roles() != null ? change.roles() : user.account().roles();
		user.change(change.name() != null ? change.name().strip() : user.account().name(), tier, roles,
				tier == Tier.CUSTOMER ? customerId : null);
		return users.saveAndFlush(user).account();
	}

	/** Deactivates a user: no more sign-in, and every session ends at once. */
	@Transactional
	public UserAccount deactivate(UserId id) {
		User user = live(id);
		if (CurrentUser.current().map(me -> me.id().equals(id)).orElse(false)) {
			throw new ProblemException(HttpStatus.CONFLICT, "cannot_deactivate_self",
					"You cannot deactivate your own account");
		}
		user.deactivate();
		UserAccount account = users.saveAndFlush(user).account();
		events.publishEvent(new UserDeactivated(account.tenantId(), account.id()));
		return account;
	}

	/**
	 * Keeps users' role lists in step when a custom role is renamed or deleted
	 * ({@code newName} null).
	 */
	@Transactional
	public void renameRole(String oldName, @Nullable String newName) {
		for (User user : users.findAll()) {
			List<String> roles = user.account().roles();
			if (roles.stream().anyMatch(role -> role.equalsIgnoreCase(oldName))) {
				List<String> changed = roles.stream()
					.map(role -> role.equalsIgnoreCase(oldName) ? newName : role)
					.filter(Objects::nonNull)
					.toList();
				user.change(user.account().name(), user.account().tier(), changed, user.account().customerId());
			}
		}
	}

	private User live(UserId id) {
		return users.findById(id.value())
			.filter(u -> !u.deleted())
			.orElseThrow(() -> ProblemException.notFound("User"));
	}

	private static void requireValid(NewUser newUser) {
		Map<String, String> errors = IdentityRules.check(newUser.email(), newUser.name());
		if (!errors.isEmpty()) {
			throw ProblemException.validation(errors);
		}
	}

}
