package io.prax.identity;

import static io.prax.platform.Validation.checked;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import io.prax.platform.Digests;
import io.prax.platform.PraxProperties;
import io.prax.platform.ProblemException;
import io.prax.platform.SecretFiles;
import io.prax.tenancy.TenantContext;
import io.prax.tenancy.TenantDirectory;
import io.prax.tenancy.TenantId;
import io.prax.tenancy.TenantInfo;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Users of the current tenant: password sign-in, invitations and one-time password links.
 * Every method works inside the tenant of {@link TenantContext}.
 */
@Service
public class IdentityManagement {

	static final Duration INVITATION_LIFETIME = Duration.ofHours(72);
	static final Duration RESET_LIFETIME = Duration.ofMinutes(30);

	private static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]{2,}$");

	/** Longest email anyone may send (RFC 5321 path limit). */
	public static final int MAX_EMAIL_LENGTH = 254;

	/**
	 * Longest password checked against a hash; new passwords follow the stricter password
	 * policy.
	 */
	public static final int MAX_PASSWORD_LENGTH = 1024;

	private final Users users;

	private final PasswordTokens tokens;

	private final PasswordHashing passwords;

	private final PasswordChangeGuard guard;

	private final PasswordPolicy policy;

	private final PasswordHistory history;

	private final IdentityMails mails;

	private final TenantDirectory tenants;

	private final ApplicationEventPublisher events;

	private final PraxProperties properties;

	private final Clock clock;

	private final TransactionTemplate transactions;

	/** Checked against when the user is unknown, so both answers take the same time. */
	private final String decoyHash;

	IdentityManagement(Users users, PasswordTokens tokens, PasswordEncoder encoder, PasswordHashing passwords,
			PasswordChangeGuard guard, PasswordPolicy policy, PasswordHistory history, IdentityMails mails,
			TenantDirectory tenants, ApplicationEventPublisher events, PraxProperties properties, Clock clock,
			TransactionTemplate transactions) {
		this.transactions = transactions;
		this.policy = policy;
		this.history = history;
		this.users = users;
		this.tokens = tokens;
		this.passwords = passwords;
		this.guard = guard;
		this.mails = mails;
		this.tenants = tenants;
		this.events = events;
		this.properties = properties;
		this.clock = clock;
		this.decoyHash = encoder.encode(SecretFiles.randomToken(16));
	}

	/**
	 * What checking a password needs, read in a short transaction so the hash runs
	 * without a connection; {@code earlierHashes} are those a new password must not match
	 * (history rule), else empty.
	 */
	private record Credentials(UserAccount account, @Nullable String hash, UserStatus status,
			List<String> earlierHashes) {

		Credentials(UserAccount account, @Nullable String hash, UserStatus status) {
			this(account, hash, status, List.of());
		}
	}

	/**
	 * The active user with this email and password, or empty. Unknown user and wrong
	 * password cost the same hashing work. An outdated hash is upgraded to Argon2id on
	 * success. Call outside any transaction: the hash runs while no connection is held
	 * (503 {@code busy} when too many run).
	 */
	public Optional<UserAccount> authenticate(String email, String password) {
		Optional<Credentials> found = credentials(email);
		String hash = found.map(Credentials::hash).orElse(null);
		PasswordHashing.Match match = passwords.verify(password == null ? "" : password,
				hash != null ? hash : decoyHash);
		if (!match.matched() || hash == null || found.get().status() != UserStatus.ACTIVE) {
			return Optional.empty();
		}
		UserAccount account = found.get().account();
		if (match == PasswordHashing.Match.YES_REHASH) {
			String upgraded = passwords.encode(password);
			transactions.executeWithoutResult(status -> users.findById(account.id().value())
				.filter(user -> hash.equals(user.passwordHash()))
				.ifPresent(user -> user.upgradeHash(upgraded)));
		}
		return Optional.of(account);
	}

	/** The user with this email, deleted users aside; no password is checked. */
	public Optional<UserAccount> findByEmail(String email) {
		return credentials(email).map(Credentials::account);
	}

	private Optional<Credentials> credentials(String email) {
		return transactions.execute(status -> users.findByEmail(normalize(email))
			.filter(user -> !user.deleted())
			.map(user -> new Credentials(user.account(), user.passwordHash(), user.status())));
	}

	@Transactional(readOnly = true)
	public Optional<UserAccount> find(UserId id) {
		return users.findById(id.value()).filter(u -> !u.deleted()).map(User::account);
	}

	@Transactional(readOnly = true)
	public List<UserAccount> list() {
		return users.findAllByOrderByNameAsc().stream().filter(u -> !u.deleted()).map(User::account).toList();
	}

	/**
	 * The tenant's active administrators (tier ADMIN), locked until the caller's
	 * transaction ends, so that two administrators demoting or deactivating each other at
	 * once cannot leave the workspace without one.
	 */
	@Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
	public List<UserAccount> lockActiveAdmins() {
		return users.lockActiveAdmins().stream().map(User::account).toList();
	}

	/** Field errors for a new user's email and name; empty when they are fine. */
	public Map<String, String> check(@Nullable String email, @Nullable String name) {
		return checkIdentity(email, name);
	}

	/**
	 * Throws the password policy's problem ({@code password_too_short}, ...) if the
	 * password is not acceptable for this user of the current tenant.
	 */
	public void checkPassword(String password, String email, String name) {
		policy.check(password, owner(email, name));
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
		TenantInfo tenant = currentTenant();
		return hashNewPassword(newUser, password, tenant.name(), tenant.slug());
	}

	/** The same for the first user of a workspace that does not exist yet. */
	String hashNewPassword(NewUser newUser, String password, String workspaceName, String workspaceSlug) {
		Map<String, String> errors = checkIdentity(newUser.email(), newUser.name());
		if (!errors.isEmpty()) {
			throw ProblemException.validation(errors);
		}
		String normalized = policy.check(password,
				new PasswordPolicy.Owner(newUser.email(), newUser.name(), workspaceName, workspaceSlug));
		return passwords.encode(normalized);
	}

	/**
	 * Stores a user whose password was hashed by {@link #hashNewPassword}; in the
	 * caller's transaction.
	 */
	UserAccount createWithPasswordHash(NewUser newUser, String hash) {
		Map<String, String> errors = checkIdentity(newUser.email(), newUser.name());
		if (!errors.isEmpty()) {
			throw ProblemException.validation(errors);
		}
		User user = new User(normalize(newUser.email()), newUser.name().strip(), newUser.tier(), newUser.roles(),
				newUser.customerId());
		user.setPassword(hash, Instant.now(clock));
		return users.saveAndFlush(user).account();
	}

	/** Creates the user and mails a one-time link (72 hours) to set the password. */
	@Transactional
	public UserAccount invite(NewUser invitation) {
		Map<String, String> errors = checkIdentity(invitation.email(), invitation.name());
		if (invitation.tier() == Tier.CUSTOMER && invitation.customerId() == null) {
			errors.put("customerId", "A customer-portal user belongs to a customer: choose one");
		}
		if (invitation.tier() != Tier.CUSTOMER && invitation.customerId() != null) {
			errors.put("customerId", "Only customer-portal users belong to a customer");
		}
		if (!errors.isEmpty()) {
			throw ProblemException.validation(errors);
		}
		String email = normalize(invitation.email());
		if (users.findByEmail(email).isPresent()) {
			throw new ProblemException(HttpStatus.CONFLICT, "user_exists", "A user with this email already exists");
		}
		User user = users.saveAndFlush(new User(email, invitation.name().strip(), invitation.tier(), invitation.roles(),
				invitation.customerId()));
		String link = issueToken(user, PasswordToken.Purpose.INVITATION, INVITATION_LIFETIME);
		events.publishEvent(new UserInvited(user.account().tenantId(), user.account().id(), email, invitation.tier()));
		mails.invitation(email, user.account().name(), currentTenant(), link);
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
		User user = users.findById(id.value())
			.filter(u -> !u.deleted())
			.orElseThrow(() -> ProblemException.notFound("User"));
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
		User user = users.findById(id.value())
			.filter(u -> !u.deleted())
			.orElseThrow(() -> ProblemException.notFound("User"));
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
					.filter(java.util.Objects::nonNull)
					.toList();
				user.change(user.account().name(), user.account().tier(), changed, user.account().customerId());
			}
		}
	}

	/** Mails a reset link if the user exists; answers the same either way. */
	@Transactional
	public void requestPasswordReset(String email) {
		users.findByEmail(normalize(email)).filter(u -> u.status() != UserStatus.DEACTIVATED).ifPresent(user -> {
			String link = issueToken(user, PasswordToken.Purpose.RESET, RESET_LIFETIME);
			mails.passwordReset(user.email(), currentTenant(), link);
			events.publishEvent(new PasswordResetRequested(user.account().tenantId(), user.account().id()));
		});
	}

	/**
	 * Sends a reset link on an administrator's request (admins never see or set
	 * passwords).
	 */
	@Transactional
	public void sendPasswordReset(UserId id) {
		User user = users.findById(id.value())
			.filter(u -> !u.deleted())
			.orElseThrow(() -> ProblemException.notFound("User"));
		requestPasswordReset(user.email());
	}

	/**
	 * Sets the password through a one-time link. The token names its tenant, so this
	 * works before sign-in. The link is used atomically (of two parallel uses, one wins);
	 * every other outstanding link of the user ends too, and all of the user's sessions
	 * end.
	 */
	public UserAccount setPasswordWithToken(String token, String newPassword) {
		TenantId tenant = tenantOf(token);
		String tokenHash = Digests.sha256Hex(token);
		return TenantContext.call(tenant, () -> {
			Credentials target = transactions.execute(status -> tokens.findById(tokenHash)
				.filter(t -> t.usableAt(Instant.now(clock)))
				.flatMap(t -> users.findById(t.userId()))
				.filter(u -> u.status() != UserStatus.DEACTIVATED)
				.map(u -> new Credentials(u.account(), u.passwordHash(), u.status(),
						history.hashesToAvoid(u.id(), u.passwordHash())))
				.orElseThrow(IdentityManagement::invalidToken));
			String normalized = policy.check(newPassword, owner(target.account().email(), target.account().name()));
			history.requireNotReused(normalized, target.earlierHashes());
			String hash = passwords.encode(normalized);
			return transactions.execute(status -> {
				Instant now = Instant.now(clock);
				if (tokens.claim(tokenHash, now) == 0) {
					throw invalidToken();
				}
				User user = users.findById(target.account().id().value())
					.filter(u -> u.status() != UserStatus.DEACTIVATED)
					.orElseThrow(IdentityManagement::invalidToken);
				history.remember(user.id(), user.passwordHash(), now);
				user.setPassword(hash, now);
				tokens.endAllOf(user.id(), now);
				events.publishEvent(new PasswordChanged(tenant, target.account().id(), null));
				return user.account();
			});
		});
	}

	/**
	 * Changes the signed-in user's own password after checking the current one, throttled
	 * like sign-in (429 {@code too_many_attempts}); refusals are published as
	 * {@link PasswordChangeFailed}. Every other session and every outstanding reset or
	 * invitation link of the user ends; the session making the change stays signed in.
	 * Hashes run outside any transaction.
	 */
	public void changeOwnPassword(@Nullable String currentPassword, String newPassword) {
		CurrentUser me = CurrentUser.require();
		if (currentPassword != null && currentPassword.length() > MAX_PASSWORD_LENGTH) {
			throw ProblemException
				.validation(Map.of("currentPassword", "At most " + MAX_PASSWORD_LENGTH + " characters"));
		}
		Credentials stored = transactions
			.execute(status -> users.findById(me.id().value())
				.map(user -> new Credentials(user.account(), user.passwordHash(), user.status(),
						history.hashesToAvoid(user.id(), user.passwordHash()))))
			.orElseThrow(() -> ProblemException.notFound("User"));
		String normalized = policy.check(newPassword, owner(stored.account().email(), stored.account().name()));
		PasswordChangeGuard.Attempt attempt;
		try {
			attempt = guard.reserve(me);
		}
		catch (ProblemException refused) {
			if (PasswordChangeGuard.TOO_MANY_ATTEMPTS.equals(refused.code())) {
				events.publishEvent(
						new PasswordChangeFailed(me.tenantId(), me.id(), PasswordChangeGuard.TOO_MANY_ATTEMPTS));
			}
			throw refused;
		}
		String hash = stored.hash();
		boolean matches;
		try {
			matches = passwords.matches(currentPassword == null ? "" : currentPassword, hash != null ? hash : decoyHash)
					&& hash != null;
		}
		catch (RuntimeException notChecked) {
			attempt.notChecked();
			throw notChecked;
		}
		if (!matches) {
			events.publishEvent(new PasswordChangeFailed(me.tenantId(), me.id(), "wrong_current_password"));
			throw new ProblemException(HttpStatus.BAD_REQUEST, "invalid_current_password",
					"The current password is not correct");
		}
		attempt.passed();
		if (passwords.matches(normalized, checked(hash))) {
			throw new ProblemException(HttpStatus.BAD_REQUEST, "password_unchanged",
					"Choose a password different from the current one");
		}
		// The current hash was compared just above.
		history.requireNotReused(normalized, stored.earlierHashes().stream().filter(h -> !h.equals(hash)).toList());
		String newHash = passwords.encode(normalized);
		transactions.executeWithoutResult(status -> {
			User user = users.findById(me.id().value()).orElseThrow(() -> ProblemException.notFound("User"));
			if (!checked(hash).equals(user.passwordHash())) {
				// Changed in parallel since we checked: the current password we checked
				// is no longer current.
				throw ProblemException.versionConflict();
			}
			Instant now = Instant.now(clock);
			history.remember(user.id(), hash, now);
			user.setPassword(newHash, now);
			tokens.endAllOf(user.id(), now);
			events.publishEvent(new PasswordChanged(me.tenantId(), me.id(), me.sessionId()));
		});
	}

	/**
	 * Checks the signed-in user's own password again (re-entry for MFA changes and
	 * sensitive actions), throttled like a password change (429
	 * {@code too_many_attempts}); 401 {@code invalid_credentials} when it is wrong. Call
	 * outside any transaction.
	 */
	public void confirmOwnPassword(@Nullable String password) {
		confirmOwnPassword(password, () -> true);
	}

	/**
	 * {@link #confirmOwnPassword(String)} with a second factor, checked only after the
	 * right password: a wrong one counts as one failed check like a wrong password (401
	 * {@code invalid_mfa_code}), so someone who knows the password cannot guess codes
	 * without locking the checks.
	 */
	public void confirmOwnPassword(@Nullable String password, java.util.function.BooleanSupplier secondFactor) {
		CurrentUser me = CurrentUser.require();
		if (password != null && password.length() > MAX_PASSWORD_LENGTH) {
			throw ProblemException.validation(Map.of("password", "At most " + MAX_PASSWORD_LENGTH + " characters"));
		}
		@Nullable String hash = transactions.execute(status -> users.findById(me.id().value()).map(User::passwordHash))
			.orElse(null);
		PasswordChangeGuard.Attempt attempt = guard.reserve(me);
		boolean matches;
		try {
			matches = passwords.matches(password == null ? "" : password, hash != null ? hash : decoyHash)
					&& hash != null;
		}
		catch (RuntimeException notChecked) {
			attempt.notChecked();
			throw notChecked;
		}
		if (!matches) {
			events.publishEvent(new PasswordChangeFailed(me.tenantId(), me.id(), "wrong_password_reentry"));
			throw new ProblemException(HttpStatus.UNAUTHORIZED, "invalid_credentials", "The password is not correct");
		}
		if (!secondFactor.getAsBoolean()) {
			events.publishEvent(new PasswordChangeFailed(me.tenantId(), me.id(), "wrong_mfa_code_reentry"));
			throw new ProblemException(HttpStatus.UNAUTHORIZED, MfaManagement.INVALID_CODE,
					"The code is not correct or was already used");
		}
		attempt.passed();
	}

	/**
	 * Whether a one-time link can still be used, for showing the form or an explanation.
	 */
	public boolean tokenUsable(String token) {
		try {
			TenantId tenant = tenantOf(token);
			return TenantContext.call(tenant,
					() -> Boolean.TRUE.equals(transactions.execute(status -> tokens.findById(Digests.sha256Hex(token))
						.map(t -> t.usableAt(Instant.now(clock)))
						.orElse(false))));
		}
		catch (ProblemException ex) {
			return false;
		}
	}

	private String issueToken(User user, PasswordToken.Purpose purpose, Duration lifetime) {
		String token = user.tenantId() + "." + SecretFiles.randomToken(32);
		Instant now = Instant.now(clock);
		tokens.save(new PasswordToken(Digests.sha256Hex(token), user.id(), purpose, now, now.plus(lifetime)));
		return properties.publicUrl() + "/password/set?token=" + token;
	}

	private TenantInfo currentTenant() {
		return tenants.find(TenantContext.require()).orElseThrow();
	}

	/** A user of the current tenant, for the password policy. */
	private PasswordPolicy.Owner owner(String email, String name) {
		TenantInfo tenant = currentTenant();
		return new PasswordPolicy.Owner(email, name, tenant.name(), tenant.slug());
	}

	private static TenantId tenantOf(String token) {
		int dot = token == null ? -1 : token.indexOf('.');
		if (dot != 36) {
			throw invalidToken();
		}
		try {
			return new TenantId(UUID.fromString(token.substring(0, dot)));
		}
		catch (IllegalArgumentException ex) {
			throw invalidToken();
		}
	}

	private static ProblemException invalidToken() {
		return new ProblemException(HttpStatus.BAD_REQUEST, "invalid_token",
				"This link is invalid, already used or expired; ask for a new one");
	}

	private static Map<String, String> checkIdentity(@Nullable String email, @Nullable String name) {
		Map<String, String> errors = new LinkedHashMap<>();
		if (email == null || email.length() > MAX_EMAIL_LENGTH || !EMAIL.matcher(email.strip()).matches()) {
			errors.put("email", "Enter a valid email address");
		}
		if (name == null || name.isBlank() || name.strip().length() > 200) {
			errors.put("name", "Enter a name (up to 200 characters)");
		}
		return errors;
	}

	private static String normalize(@Nullable String email) {
		return email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
	}

}
