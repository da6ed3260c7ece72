package io.prax.session;

import static io.prax.platform.Validation.checked;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.EntityManager;

import io.prax.identity.CurrentUser;
import io.prax.identity.IdentityRules;
import io.prax.identity.UserDirectory;
import io.prax.identity.OwnPassword;
import io.prax.identity.PasswordResets;
import io.prax.identity.PasswordSignIn;
import io.prax.identity.MfaManagement;
import io.prax.identity.PasswordChanged;
import io.prax.identity.UserAccount;
import io.prax.identity.UserId;
import io.prax.identity.UserStatus;
import io.prax.platform.Digests;
import io.prax.platform.ProblemException;
import io.prax.platform.RateLimited;
import io.prax.platform.RetryLater;
import io.prax.platform.SecretFiles;
import io.prax.tenancy.TenantContext;
import io.prax.tenancy.TenantDirectory;
import io.prax.tenancy.TenantId;
import io.prax.tenancy.TenantInfo;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sign-in sessions. A session row is the truth; the access token is honoured only while
 * the session is live. Refresh tokens rotate on every use, and presenting a used one ends
 * the session (theft).
 */
@Service
public class SessionManagement {

	/**
	 * Two browser tabs, or an app's parallel requests, may race to refresh with the same
	 * token; that is not theft. A token presented again this soon after its use, from the
	 * address that used it, is refused without ending the session; later, or from
	 * elsewhere, it ends the session.
	 */
	static final Duration REFRESH_RACE = Duration.ofSeconds(10);

	/**
	 * Problem code of a refresh that lost such a race: the winner got the new tokens (a
	 * browser, its cookies).
	 */
	static final String RACED = "refresh_raced";

	/**
	 * Problem code (429, with {@code Retry-After}) while an account's sign-in is locked.
	 */
	static final String TOO_MANY_ATTEMPTS = io.prax.identity.PasswordChangeGuard.TOO_MANY_ATTEMPTS;

	/** Longest workspace id anyone may send (ids have at most 63 characters). */
	static final int MAX_TENANT_LENGTH = 63;

	/**
	 * How long an address where a user signed in lets them past a lockout (see
	 * signedInBeforeFrom).
	 */
	static final Duration KNOWN_ADDRESS_MEMORY = Duration.ofDays(30);

	/** How long the {@code mfaToken} of a sign-in waiting for its second factor lives. */
	static final Duration MFA_TOKEN_LIFETIME = Duration.ofMinutes(5);

	/**
	 * Wrong codes one {@code mfaToken} takes before the password must be entered again.
	 */
	static final int MFA_MAX_FAILURES = 5;

	/**
	 * Roles whose users always need MFA (with the ADMIN tier), whatever the tenant's
	 * settings.
	 */
	static final List<String> MFA_ROLES = List.of("ADMIN", "REVIEWER");

	private final UserSessions sessions;

	private final RefreshTokens refreshTokens;

	private final AccessTokens accessTokens;

	private final UserDirectory identity;

	private final OwnPassword ownPassword;

	private final PasswordResets resets;

	private final PasswordSignIn signIn;

	private final TenantDirectory tenants;

	private final TransactionTemplate transactions;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final SessionLiveness liveness;

	private final LastSeen lastSeen;

	private final EntityManager entityManager;

	private final Devices devices;

	private final SignInThrottle throttle;

	private final SessionSettingsRepository settingsRepository;

	private final MfaManagement mfa;

	private final MfaChallenges challenges;

	private final Principals principals;

	private final boolean mfaRequiredByDefault;

	SessionManagement(UserSessions sessions, RefreshTokens refreshTokens, AccessTokens accessTokens,
			UserDirectory identity, OwnPassword ownPassword, PasswordResets resets, PasswordSignIn signIn,
			TenantDirectory tenants, TransactionTemplate transactions, ApplicationEventPublisher events, Clock clock,
			SessionLiveness liveness, LastSeen lastSeen, EntityManager entityManager, Devices devices,
			SignInThrottle throttle, SessionSettingsRepository settingsRepository, MfaManagement mfa,
			MfaChallenges challenges, MfaProperties mfaProperties, Principals principals) {
		this.principals = principals;
		this.mfa = mfa;
		this.challenges = challenges;
		this.mfaRequiredByDefault = mfaProperties.requiredByDefault();
		this.settingsRepository = settingsRepository;
		this.throttle = throttle;
		this.devices = devices;
		this.events = events;
		this.liveness = liveness;
		this.lastSeen = lastSeen;
		this.entityManager = entityManager;
		this.sessions = sessions;
		this.refreshTokens = refreshTokens;
		this.accessTokens = accessTokens;
		this.identity = identity;
		this.ownPassword = ownPassword;
		this.resets = resets;
		this.signIn = signIn;
		this.tenants = tenants;
		this.transactions = transactions;
		this.clock = clock;
	}

	/**
	 * Signs in with a password. Unknown workspace, unknown user and wrong password give
	 * the same answer after the same hashing work; a locked account, known or not,
	 * answers 429 {@code too_many_attempts} with {@code Retry-After}, even to the right
	 * password. The attempt is reserved with the throttle before the password is checked,
	 * and the password is hashed outside any transaction.
	 */
	public IssuedTokens signIn(String tenantSlug, String email, String password, boolean rememberMe,
			ClientInfo client) {
		SignInOutcome outcome = begin(tenantSlug, email, password, rememberMe, client);
		if (outcome instanceof SignInOutcome.Signed signed) {
			return signed.tokens();
		}
		throw new ProblemException(HttpStatus.UNAUTHORIZED, "mfa_required", "This account needs its second factor");
	}

	/**
	 * What a right password leads to: a session, or a second factor (or its enrolment)
	 * first.
	 */
	public sealed interface SignInOutcome {

		record Signed(IssuedTokens tokens) implements SignInOutcome {
		}

		/**
		 * {@code mfaToken} completes the sign-in at {@code /auth/mfa}; with
		 * {@code enrolmentRequired}, it enrols first.
		 */
		record MfaPending(String mfaToken, boolean enrolmentRequired) implements SignInOutcome {

			@Override
			public String toString() {
				return "MfaPending[enrolmentRequired=" + enrolmentRequired + "]";
			}
		}

	}

	/**
	 * {@link #signIn}, but a user who has or must have MFA gets an {@code mfaToken}
	 * instead of a session.
	 */
	public SignInOutcome begin(String tenantSlug, String email, String password, boolean rememberMe,
			ClientInfo client) {
		checkBounds(tenantSlug, email, password);
		String accountKey = SignInThrottle.accountKey(tenantSlug, email);
		String addressKey = SignInThrottle.addressKey(client.ip());
		SignInThrottle.Verdict verdict = throttle.reserve(accountKey, addressKey);
		if (verdict instanceof SignInThrottle.TooManyFromAddress tooMany) {
			throw new RateLimited(tooMany.retryAfter());
		}
		Optional<TenantInfo> tenant = tenantSlug == null ? Optional.empty() : tenants.findBySlug(tenantSlug);
		TenantId scope = tenant.map(TenantInfo::id).orElseGet(() -> new TenantId(UUID.randomUUID()));
		SignInThrottle.Reserved reserved = new SignInThrottle.Reserved(accountKey, addressKey);
		if (verdict instanceof SignInThrottle.AccountLocked locked) {
			SignInOutcome issued = tenant.isEmpty() ? null
					: TenantContext.call(scope,
							() -> identity.findByEmail(email)
								.filter(user -> signedInBeforeFrom(user, client.ip()))
								.flatMap(user -> signIn.authenticate(email, password))
								.map(user -> openOrChallenge(user, rememberMe, client))
								.orElse(null));
			if (issued != null) {
				settle(reserved, issued);
				return issued;
			}
			failed(tenant, email, "account_locked", client);
			throw new RetryLater(HttpStatus.TOO_MANY_REQUESTS, TOO_MANY_ATTEMPTS,
					"Too many failed sign-ins for this account; try again later", locked.retryAfter());
		}
		Optional<UserAccount> user;
		try {
			user = TenantContext.call(scope, () -> signIn.authenticate(email, password));
		}
		catch (RuntimeException notChecked) {
			throttle.release(reserved);
			throw notChecked;
		}
		SignInOutcome issued = user.filter(u -> tenant.isPresent())
			.map(u -> TenantContext.call(scope, () -> openOrChallenge(u, rememberMe, client)))
			.orElse(null);
		if (issued == null) {
			failed(tenant, email, tenant.isEmpty() ? "unknown_tenant" : "unknown_user_or_wrong_password", client);
			throw new ProblemException(HttpStatus.UNAUTHORIZED, "invalid_credentials",
					"The workspace, email or password is not correct");
		}
		settle(reserved, issued);
		return issued;
	}

	/**
	 * A right password forgives earlier failures only when it completes the sign-in:
	 * while the second factor is pending, the attempt is just given back, so guessing
	 * codes cannot reset the lockout.
	 */
	private void settle(SignInThrottle.Reserved reserved, SignInOutcome outcome) {
		if (outcome instanceof SignInOutcome.Signed) {
			throttle.succeeded(reserved);
		}
		else {
			throttle.release(reserved);
		}
	}

	/**
	 * A session at once, or, when the user has MFA or must have it, a challenge: the
	 * password was right, so the sign-in throttle forgives earlier failures only once the
	 * second factor passes too.
	 */
	private SignInOutcome openOrChallenge(UserAccount user, boolean rememberMe, ClientInfo client) {
		boolean enrolled = mfa.enrolled(user.id());
		if (!enrolled && !mfaRequired(user)) {
			return new SignInOutcome.Signed(transactions.execute(status -> open(user, rememberMe, client)));
		}
		String token = user.tenantId() + "." + SecretFiles.randomToken(32);
		transactions.executeWithoutResult(status -> {
			Instant now = Instant.now(clock);
			challenges.save(new MfaChallenge(Digests.sha256Hex(token), user.id().value(), rememberMe, !enrolled, client,
					now, now.plus(MFA_TOKEN_LIFETIME)));
		});
		return new SignInOutcome.MfaPending(token, !enrolled);
	}

	/**
	 * Whether the user must use MFA: the ADMIN tier and the ADMIN and REVIEWER roles
	 * always (unless {@code prax.mfa.required-by-default} is off, for tests only), and
	 * whatever the tenant adds.
	 */
	public boolean mfaRequired(UserAccount user) {
		return MfaRequirementPolicy.requires(user, mfaRequiredByDefault, transactions.execute(status -> settings()));
	}

	/**
	 * Completes a sign-in with the second factor: a TOTP code of a step not used before,
	 * or an unused backup code. A wrong code counts as a failed sign-in (lockout) and
	 * against the token; the token completes one sign-in only. 401
	 * {@code invalid_mfa_code} or {@code invalid_mfa_token}; 429 while locked.
	 */
	public IssuedTokens completeMfa(@Nullable String mfaToken, @Nullable String code, ClientInfo client) {
		TenantId tenant = tenantOfMfaToken(mfaToken);
		String tokenHash = Digests.sha256Hex(checked(mfaToken));
		return TenantContext.call(tenant, () -> {
			MfaChallenge challenge = usableChallenge(tokenHash);
			UserAccount user = identity.find(new UserId(challenge.userId()))
				.filter(u -> u.status() == UserStatus.ACTIVE)
				.orElseThrow(SessionManagement::invalidMfaToken);
			TenantInfo info = tenants.find(tenant).orElseThrow(SessionManagement::invalidMfaToken);
			String accountKey = SignInThrottle.accountKey(info.slug(), user.email());
			String addressKey = SignInThrottle.addressKey(client.ip());
			SignInThrottle.Verdict verdict = throttle.reserve(accountKey, addressKey);
			if (verdict instanceof SignInThrottle.TooManyFromAddress tooMany) {
				throw new RateLimited(tooMany.retryAfter());
			}
			if (verdict instanceof SignInThrottle.AccountLocked locked) {
				failed(Optional.of(info), user.email(), "account_locked", client);
				throw new RetryLater(HttpStatus.TOO_MANY_REQUESTS, TOO_MANY_ATTEMPTS,
						"Too many failed sign-ins for this account; try again later", locked.retryAfter());
			}
			SignInThrottle.Reserved reserved = (SignInThrottle.Reserved) verdict;
			if (!mfa.verify(user.id(), code)) {
				transactions.executeWithoutResult(status -> challenges.failed(tokenHash));
				failed(Optional.of(info), user.email(), "wrong_mfa_code", client);
				throw new ProblemException(HttpStatus.UNAUTHORIZED, MfaManagement.INVALID_CODE,
						"The code is not correct or was already used");
			}
			IssuedTokens tokens = transactions.execute(status -> {
				if (challenges.use(tokenHash, Instant.now(clock)) == 0) {
					throw invalidMfaToken();
				}
				return open(user, challenge.rememberMe(), client);
			});
			throttle.succeeded(reserved);
			return tokens;
		});
	}

	/**
	 * The user a pending enrolment's {@code mfaToken} stands for, as a caller of the
	 * enrolment endpoints only; empty when the token is not such a live token.
	 */
	Optional<CurrentUser> enrolmentCaller(String mfaToken) {
		TenantId tenant;
		try {
			tenant = tenantOfMfaToken(mfaToken);
		}
		catch (ProblemException ex) {
			return Optional.empty();
		}
		String tokenHash = Digests.sha256Hex(mfaToken);
		return TenantContext.call(tenant,
				() -> transactions.execute(status -> challenges.findById(tokenHash)
					.filter(c -> c.enrolment() && c.usableAt(Instant.now(clock)))
					.flatMap(c -> identity.find(new UserId(c.userId())))
					.filter(u -> u.status() == UserStatus.ACTIVE)
					.flatMap(account -> tenants.find(tenant)
						.map(info -> new CurrentUser(account.id(), account.tenantId(),
								UUID.nameUUIDFromBytes(tokenHash.getBytes(java.nio.charset.StandardCharsets.US_ASCII)),
								account.tier(), account.roles(), account.customerId(), account.name(), account.email(),
								info.slug(), info.name())))));
	}

	/**
	 * Whether an {@code mfaToken} can still complete a sign-in, and whether it must enrol
	 * first (web pages).
	 */
	public Optional<Boolean> pendingEnrolment(@Nullable String mfaToken) {
		try {
			TenantId tenant = tenantOfMfaToken(mfaToken);
			return TenantContext.call(tenant,
					() -> transactions.execute(status -> challenges.findById(Digests.sha256Hex(checked(mfaToken)))
						.filter(c -> c.usableAt(Instant.now(clock)))
						.map(MfaChallenge::enrolment)));
		}
		catch (ProblemException ex) {
			return Optional.empty();
		}
	}

	/**
	 * Starts the TOTP enrolment of a sign-in that must enrol first (the web enrolment
	 * page).
	 */
	public MfaManagement.TotpEnrolment startEnrolment(@Nullable String mfaToken) {
		TenantId tenant = tenantOfMfaToken(mfaToken);
		return TenantContext.call(tenant, () -> {
			CurrentUser caller = enrolmentCaller(checked(mfaToken)).orElseThrow(SessionManagement::invalidMfaToken);
			return mfa.startEnrolment(caller.id(), caller.email(), caller.tenantSlug());
		});
	}

	/** A completed web enrolment: the new session and the backup codes to show once. */
	public record Enrolled(IssuedTokens tokens, List<String> backupCodes) {

		@Override
		public String toString() {
			return "Enrolled[backupCodes=***]";
		}
	}

	/**
	 * Confirms the enrolment of a sign-in that had to enrol with its first code, and
	 * completes the sign-in with it (the web flow; the API asks for a fresh code at
	 * {@code /auth/mfa}).
	 */
	public Enrolled confirmEnrolment(@Nullable String mfaToken, @Nullable String code, ClientInfo client) {
		TenantId tenant = tenantOfMfaToken(mfaToken);
		String tokenHash = Digests.sha256Hex(checked(mfaToken));
		return TenantContext.call(tenant, () -> {
			CurrentUser caller = enrolmentCaller(checked(mfaToken)).orElseThrow(SessionManagement::invalidMfaToken);
			MfaChallenge challenge = usableChallenge(tokenHash);
			List<String> codes = mfa.confirmEnrolment(caller.id(), code);
			UserAccount user = identity.find(caller.id()).orElseThrow(SessionManagement::invalidMfaToken);
			IssuedTokens tokens = transactions.execute(status -> {
				if (challenges.use(tokenHash, Instant.now(clock)) == 0) {
					throw invalidMfaToken();
				}
				return open(user, challenge.rememberMe(), client);
			});
			return new Enrolled(tokens, codes);
		});
	}

	private MfaChallenge usableChallenge(String tokenHash) {
		return transactions.execute(status -> challenges.findById(tokenHash)
			.filter(c -> c.usableAt(Instant.now(clock)))
			.orElseThrow(SessionManagement::invalidMfaToken));
	}

	private static TenantId tenantOfMfaToken(@Nullable String token) {
		int dot = token == null ? -1 : token.indexOf('.');
		try {
			if (token != null && dot == 36 && token.length() < 200) {
				return new TenantId(UUID.fromString(token.substring(0, dot)));
			}
		}
		catch (IllegalArgumentException ex) {
			// fall through
		}
		throw invalidMfaToken();
	}

	private static ProblemException invalidMfaToken() {
		return new ProblemException(HttpStatus.UNAUTHORIZED, "invalid_mfa_token",
				"This sign-in has expired or was completed; sign in again");
	}

	/**
	 * An administrator's reset, or the user's own disabling, of MFA ends the user's
	 * sessions.
	 */
	@EventListener
	void on(MfaManagement.MfaChanged event) {
		if (!"reset".equals(event.change()) && !"disabled".equals(event.change())) {
			return;
		}
		Instant now = Instant.now(clock);
		// Every session, the disabling one too: a user who must have MFA enrols again at
		// the next sign-in.
		sessions.findByUserIdAndRevokedAtIsNull(event.userId().value())
			.forEach(session -> end(session, now, "mfa_" + event.change(), event.by()));
	}

	private void failed(Optional<TenantInfo> tenant, @Nullable String email, String reason, ClientInfo client) {
		events.publishEvent(new SignInFailed(tenant.map(TenantInfo::id).orElse(null), email == null ? "" : email,
				reason, client.ip(), client.userAgent()));
	}

	/**
	 * What an unauthenticated caller sends is bounded before anything is counted, stored
	 * or audited: 400 {@code validation_failed} over the bound.
	 */
	static void checkBounds(@Nullable String tenantSlug, @Nullable String email, @Nullable String password) {
		Map<String, String> errors = new LinkedHashMap<>();
		if (tenantSlug != null && tenantSlug.strip().length() > MAX_TENANT_LENGTH) {
			errors.put("tenant", "At most " + MAX_TENANT_LENGTH + " characters");
		}
		if (email != null && email.strip().length() > IdentityRules.MAX_EMAIL_LENGTH) {
			errors.put("email", "At most " + IdentityRules.MAX_EMAIL_LENGTH + " characters");
		}
		if (password != null && password.length() > IdentityRules.MAX_PASSWORD_LENGTH) {
			errors.put("password", "At most " + IdentityRules.MAX_PASSWORD_LENGTH + " characters");
		}
		if (!errors.isEmpty()) {
			throw ProblemException.validation(errors);
		}
	}

	/**
	 * A locked account still lets its owner in, with the right password, from an address
	 * where they signed in during the last 30 days: someone guessing from elsewhere
	 * cannot lock them out.
	 */
	private boolean signedInBeforeFrom(UserAccount user, @Nullable String ip) {
		return ip != null && Boolean.TRUE
			.equals(transactions.execute(status -> sessions.existsByUserIdAndIpAndCreatedAtAfter(user.id().value(), ip,
					Instant.now(clock).minus(KNOWN_ADDRESS_MEMORY))));
	}

	/**
	 * An administrator lifts a sign-in (and password-change) lockout of a user of the
	 * current tenant; an audited security event.
	 */
	public void unlock(UserId user) {
		CurrentUser admin = CurrentUser.require();
		UserAccount account = identity.find(user).orElseThrow(() -> ProblemException.notFound("user"));
		transactions.executeWithoutResult(status -> {
			boolean signIn = throttle.unlock(SignInThrottle.accountKey(admin.tenantSlug(), account.email()));
			boolean passwordChange = throttle
				.unlock(SignInThrottle.passwordAccountKey(admin.tenantId().value(), user.value()));
			events.publishEvent(new SignInUnlocked(admin.tenantId(), user, admin.id(), signIn || passwordChange));
		});
	}

	/**
	 * Mails a reset link when the workspace and user exist and the request is not
	 * throttled; says nothing either way, so callers answer the same for every workspace
	 * and email.
	 */
	public void requestPasswordReset(@Nullable String tenantSlug, @Nullable String email, ClientInfo client) {
		if (!passwordResetAllowed(tenantSlug, email, client) || tenantSlug == null || tenantSlug.isBlank()
				|| email == null || email.isBlank()) {
			return;
		}
		tenants.findBySlug(tenantSlug)
			.ifPresent(tenant -> TenantContext.run(tenant.id(), () -> resets.requestPasswordReset(email)));
	}

	/**
	 * Whether a password-reset request for this workspace and email may send mail; 429
	 * per address, 400 {@code validation_failed} for input over the bounds.
	 */
	public boolean passwordResetAllowed(@Nullable String tenantSlug, @Nullable String email, ClientInfo client) {
		checkBounds(tenantSlug, email, null);
		String accountKey = SignInThrottle.resetAccountKey(tenantSlug, email);
		String addressKey = SignInThrottle.resetAddressKey(client.ip());
		// Every request counts, successful or not: it is the mail that must not be sent
		// in floods.
		SignInThrottle.Verdict verdict = throttle.reserve(accountKey, addressKey);
		if (verdict instanceof SignInThrottle.TooManyFromAddress tooMany) {
			throw new RateLimited(tooMany.retryAfter());
		}
		return verdict instanceof SignInThrottle.Reserved;
	}

	/**
	 * Exchanges a refresh token for new tokens. The token is used with one conditional
	 * update, so of parallel refreshes with one token exactly one wins. A token that was
	 * already used revokes the session, except when it comes back within
	 * {@link #REFRESH_RACE} from the address that used it (parallel requests of one
	 * client): then it is only refused. The session ends at its absolute lifetime from
	 * sign-in, however often it is refreshed.
	 */
	public IssuedTokens refresh(String refreshToken, ClientInfo client, boolean browser) {
		TenantId tenant = tenantOf(refreshToken);
		String tokenHash = Digests.sha256Hex(refreshToken);
		Object outcome = TenantContext.call(tenant, () -> transactions.execute(status -> {
			Instant now = Instant.now(clock);
			RefreshToken stored = refreshTokens.findById(tokenHash).orElse(null);
			if (stored == null) {
				return "invalid_refresh_token";
			}
			UserSession session = sessions.findById(stored.sessionId()).orElseThrow();
			if (stored.usedAt() != null) {
				return reused(session, stored.usedAt(), client, now);
			}
			// Absolute lifetime from sign-in: a shortened setting applies at once,
			// nothing ever extends it.
			session.endNoLaterThan(session.createdAt().plus(lifetime(settings(), session.rememberMe())));
			if (!session.liveAt(now) || !now.isBefore(stored.expiresAt())) {
				return "session_revoked";
			}
			if (!session.rememberMe() && !session.lastSeenAt().plus(settings().idleTimeout()).isAfter(now)) {
				end(session, now, "idle_timeout", null);
				return "session_revoked";
			}
			Optional<UserAccount> user = identity.find(new UserId(session.userId()))
				.filter(u -> u.status() == UserStatus.ACTIVE);
			if (user.isEmpty()) {
				end(session, now, "user_inactive", null);
				return "session_revoked";
			}
			// Waits for a parallel use of the same token to commit, then finds it used:
			// that one won.
			if (refreshTokens.use(tokenHash, now) == 0) {
				return RACED;
			}
			session.seen(now, client.ip());
			return rotate(session, user.get(), now);
		}));
		if (outcome instanceof IssuedTokens tokens) {
			return tokens;
		}
		String code = String.valueOf(outcome);
		throw new ProblemException(HttpStatus.UNAUTHORIZED, code, switch (code) {
			case "refresh_token_reused" -> "This refresh token was already used; the session has been ended for safety";
			case "session_revoked" -> "This session has ended; sign in again";
			case RACED -> "This refresh token was just used by a parallel request, which got the new tokens";
			default -> "The refresh token is not valid";
		});
	}

	/** A used token again: a parallel request of the same client, or theft. */
	private String reused(UserSession session, Instant usedAt, ClientInfo client, Instant now) {
		boolean sameClient = session.ip() == null || session.ip().equals(client.ip());
		if (sameClient && usedAt.plus(REFRESH_RACE).isAfter(now) && session.liveAt(now)) {
			return RACED;
		}
		end(session, now, "refresh_token_reuse", null);
		return "refresh_token_reused";
	}

	/**
	 * Ends a session of the current tenant at once; {@code by} is the acting user, if
	 * any.
	 */
	public void revoke(SessionId id, String reason, @Nullable UserId by) {
		transactions.executeWithoutResult(status -> sessions.findById(id.value())
			.ifPresent(session -> end(session, Instant.now(clock), reason, by)));
	}

	/** A live session as its owner or an administrator sees it. */
	public record ActiveSession(SessionId id, UserId userId, String userName, String userEmail, String device,
			String browser, String os, @Nullable String ip, Instant createdAt, Instant lastSeenAt, Instant expiresAt,
			boolean rememberMe, boolean current) {
	}

	/** The current user's live sessions, most recently used first. */
	public List<ActiveSession> mine() {
		CurrentUser me = CurrentUser.require();
		Instant now = Instant.now(clock);
		List<UserSession> found = transactions.execute(status -> sessions
			.findByUserIdAndRevokedAtIsNullAndExpiresAtAfterOrderByLastSeenAtDesc(me.id().value(), now));
		// Described outside the transaction: the first description builds the user-agent
		// analyzer.
		return found.stream().map(session -> describe(session, me.name(), me.email(), me)).toList();
	}

	/**
	 * Ends one of the current user's own sessions; another user's session is "not found".
	 */
	public void revokeMine(SessionId id) {
		CurrentUser me = CurrentUser.require();
		transactions.executeWithoutResult(status -> {
			UserSession session = sessions.findById(id.value())
				.filter(s -> s.userId().equals(me.id().value()))
				.orElseThrow(() -> ProblemException.notFound("session"));
			end(session, Instant.now(clock), session.id().equals(me.sessionId()) ? "logout" : "revoked_by_user",
					me.id());
		});
	}

	/** Every live session of the tenant, or of one user, most recently used first. */
	public List<ActiveSession> active(@Nullable UserId user) {
		CurrentUser me = CurrentUser.require();
		Instant now = Instant.now(clock);
		Map<UUID, Optional<UserAccount>> owners = new HashMap<>();
		List<UserSession> found = transactions.execute(status -> {
			List<UserSession> live = user == null
					? sessions.findByRevokedAtIsNullAndExpiresAtAfterOrderByLastSeenAtDesc(now)
					: sessions.findByUserIdAndRevokedAtIsNullAndExpiresAtAfterOrderByLastSeenAtDesc(user.value(), now);
			live.forEach(session -> owners.computeIfAbsent(session.userId(), id -> identity.find(new UserId(id))));
			return live;
		});
		return found.stream().map(session -> {
			Optional<UserAccount> owner = owners.getOrDefault(session.userId(), Optional.empty());
			return describe(session, owner.map(UserAccount::name).orElse(""), owner.map(UserAccount::email).orElse(""),
					me);
		}).toList();
	}

	/** An administrator ends any session of the tenant. */
	public void revokeByAdmin(SessionId id) {
		CurrentUser admin = CurrentUser.require();
		transactions.executeWithoutResult(status -> {
			UserSession session = sessions.findById(id.value()).orElseThrow(() -> ProblemException.notFound("session"));
			end(session, Instant.now(clock), "revoked_by_admin", admin.id());
		});
	}

	/** An administrator ends every session of one user of the tenant. */
	public void revokeAllOf(UserId user) {
		CurrentUser admin = CurrentUser.require();
		transactions.executeWithoutResult(status -> {
			if (identity.find(user).isEmpty()) {
				throw ProblemException.notFound("user");
			}
			Instant now = Instant.now(clock);
			sessions.findByUserIdAndRevokedAtIsNull(user.value())
				.forEach(session -> end(session, now, "revoked_by_admin", admin.id()));
		});
	}

	private ActiveSession describe(UserSession session, String userName, String userEmail, CurrentUser viewer) {
		Devices.Device device = devices.describe(session.userAgent());
		return new ActiveSession(new SessionId(session.id()), new UserId(session.userId()), userName, userEmail,
				device.type(), device.browser(), device.os(), session.ip(), session.createdAt(), session.lastSeenAt(),
				session.expiresAt(), session.rememberMe(), session.id().equals(viewer.sessionId()));
	}

	/** The user behind a verified access token, if its session is still live. */
	CurrentUser authenticate(AccessTokens.Claims claims) {
		return authenticate(claims, null);
	}

	/**
	 * The user behind a verified access token, if its session is still live. Liveness,
	 * the user and the tenant come from this node's caches while the notification channel
	 * is healthy, else from the database; every node forgets them at a revocation or a
	 * committed change, so a role change or a deactivation applies at the next request.
	 */
	CurrentUser authenticate(AccessTokens.Claims claims, @Nullable ClientInfo client) {
		Instant now = Instant.now(clock);
		UUID sessionId = claims.session().value();
		// the callbacks answer null for "not live"; NullAway outside JSpecify mode (JDK
		// 17) reads their T as non-null
		@SuppressWarnings("NullAway")
		@Nullable CurrentUser user = TenantContext.call(claims.tenant(), () -> {
			Optional<SessionLiveness.Live> live = liveness.find(sessionId,
					() -> transactions.execute(status -> sessions.findById(sessionId)
						.filter(session -> session.liveAt(now))
						.map(session -> new SessionLiveness.Live(session.userId(), session.expiresAt()))));
			if (live.isEmpty() || !now.isBefore(live.get().expiresAt())
					|| !live.get().userId().equals(claims.userId())) {
				return null;
			}
			return principals.find(claims.tenant(), new UserId(claims.userId())).map(principal -> {
				UserAccount account = principal.account();
				TenantInfo tenant = principal.tenant();
				return new CurrentUser(account.id(), account.tenantId(), sessionId, account.tier(), account.roles(),
						account.customerId(), account.name(), account.email(), tenant.slug(), tenant.name());
			}).orElse(null);
		});
		if (user == null) {
			throw new AccessTokens.Rejected("session_revoked");
		}
		lastSeen.record(claims.tenant(), claims.session(), now, client == null ? null : client.ip());
		return user;
	}

	/** A changed or reset password ends every other session of that user. */
	@EventListener
	void on(PasswordChanged event) {
		Instant now = Instant.now(clock);
		sessions.findByUserIdAndRevokedAtIsNull(event.userId().value())
			.stream()
			.filter(session -> !session.id().equals(event.keepSessionId()))
			.forEach(session -> end(session, now, "password_changed", null));
	}

	/**
	 * An administrator removes a user's second factor (lost phone): audited, the user's
	 * sessions end and they enrol again at the next sign-in. Not one's own (409
	 * {@code cannot_reset_own_mfa}): that is disabling, with the password.
	 */
	public void resetMfa(UserId user) {
		CurrentUser admin = CurrentUser.require();
		if (admin.id().equals(user)) {
			throw new ProblemException(HttpStatus.CONFLICT, "cannot_reset_own_mfa",
					"You cannot reset your own two-factor authentication; turn it off on your security page");
		}
		if (identity.find(user).isEmpty()) {
			throw ProblemException.notFound("user");
		}
		mfa.remove(user, "reset");
	}

	/** How recent a proof of password (and code) a sensitive action needs. */
	static final Duration RECENT_AUTHENTICATION = Duration.ofMinutes(10);

	/**
	 * 401 {@code reauthentication_required} unless the caller's session proved itself
	 * within 10 minutes.
	 */
	void requireRecentAuthentication(CurrentUser user) {
		if (!recentlyAuthenticated(user)) {
			throw new ProblemException(HttpStatus.UNAUTHORIZED, "reauthentication_required",
					"Confirm your password" + " (and code) to do this: POST /api/v1/auth/reauthenticate");
		}
	}

	/**
	 * Whether the caller's session proved its password (and code) within the last 10
	 * minutes.
	 */
	boolean recentlyAuthenticated(CurrentUser user) {
		Instant now = Instant.now(clock);
		return Boolean.TRUE.equals(transactions.execute(status -> sessions.findById(user.sessionId())
			.map(session -> session.authenticatedAt().plus(RECENT_AUTHENTICATION).isAfter(now))
			.orElse(false)));
	}

	/**
	 * The signed-in user proves their password again, and their TOTP or a backup code
	 * when enrolled; sensitive actions of this session are then allowed for 10 minutes.
	 * Wrong passwords are throttled like password changes, and so are wrong codes (401
	 * {@code invalid_mfa_code}).
	 */
	public void reauthenticate(@Nullable String password, @Nullable String code) {
		CurrentUser me = CurrentUser.require();
		boolean enrolled = mfa.enrolled(me.id());
		ownPassword.confirmOwnPassword(password, () -> !enrolled || mfa.verify(me.id(), code));
		transactions.executeWithoutResult(status -> sessions.findById(me.sessionId())
			.ifPresent(session -> session.reauthenticated(Instant.now(clock))));
	}

	/** A deactivated user's sessions all end. */
	@EventListener
	void on(io.prax.identity.UserDeactivated event) {
		Instant now = Instant.now(clock);
		sessions.findByUserIdAndRevokedAtIsNull(event.userId().value())
			.forEach(session -> end(session, now, "user_deactivated",
					CurrentUser.current().map(CurrentUser::id).orElse(null)));
	}

	private void end(UserSession session, Instant now, String reason, @Nullable UserId by) {
		if (session.liveAt(now)) {
			session.revoke(now, reason);
			announceRevocation(session);
			events.publishEvent(new SessionRevoked(new TenantId(session.tenantId()), new SessionId(session.id()),
					new UserId(session.userId()), reason, by));
		}
	}

	/**
	 * Tells every node, this one included, in the revoking transaction: PostgreSQL
	 * delivers the notice only if the revocation commits. This node also forgets the
	 * session once committed.
	 */
	private void announceRevocation(UserSession session) {
		entityManager.createNativeQuery("select cast(pg_notify(?1, ?2) as text)")
			.setParameter(1, SessionRevocationListener.CHANNEL)
			.setParameter(2, session.tenantId() + ":" + session.id())
			.getSingleResult();
		UUID id = session.id();
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					liveness.revoked(id);
				}
			});
		}
	}

	private IssuedTokens open(UserAccount user, boolean rememberMe, ClientInfo client) {
		Instant now = Instant.now(clock);
		UserSession session = sessions.save(new UserSession(user.id().value(), client.ip(), client.userAgent(),
				rememberMe, now, now.plus(lifetime(settings(), rememberMe))));
		IssuedTokens tokens = rotate(session, user, now);
		events.publishEvent(
				new SignedIn(user.tenantId(), user.id(), tokens.sessionId(), client.ip(), client.userAgent()));
		return tokens;
	}

	private IssuedTokens rotate(UserSession session, UserAccount user, Instant now) {
		String refreshToken = user.tenantId() + "." + SecretFiles.randomToken(32);
		Instant expiresAt = session.expiresAt();
		refreshTokens.save(new RefreshToken(Digests.sha256Hex(refreshToken), session.id(), now, expiresAt));
		SessionId id = new SessionId(session.id());
		String accessToken = accessTokens.issue(user.id().value(), user.tenantId(), id);
		return new IssuedTokens(accessToken, refreshToken, AccessTokens.LIFETIME.toSeconds(), id, expiresAt,
				session.rememberMe());
	}

	private static Duration lifetime(SessionSettings settings, boolean rememberMe) {
		return rememberMe ? settings.rememberMeLifetime() : settings.refreshLifetime();
	}

	/** The current tenant's session settings, or the defaults; inside a transaction. */
	private SessionSettings settings() {
		UUID tenant = TenantContext.require().value();
		return settingsRepository.findById(tenant).orElseGet(() -> SessionSettings.defaults(tenant));
	}

	/** The current tenant's session lifetimes. */
	public record Lifetimes(int accessTokenMinutes, int refreshLifetimeDays, int rememberMeLifetimeDays,
			int idleTimeoutMinutes) {

		static Lifetimes of(SessionSettings settings) {
			return new Lifetimes((int) AccessTokens.LIFETIME.toMinutes(), settings.refreshLifetimeDays(),
					settings.rememberMeLifetimeDays(), settings.idleTimeoutMinutes());
		}
	}

	/** The current tenant's session lifetimes and idle timeout. */
	public Lifetimes lifetimes() {
		return transactions.execute(status -> Lifetimes.of(settings()));
	}

	/**
	 * Changes the current tenant's lifetimes within safe bounds (400
	 * {@code validation_failed} otherwise). They apply to new sessions; a shorter
	 * lifetime also ends a live session at its next refresh once it is older (a session
	 * is never extended).
	 */
	public Lifetimes changeLifetimes(int refreshDays, int rememberMeDays, int idleMinutes) {
		CurrentUser admin = CurrentUser.require();
		return transactions.execute(status -> {
			UUID tenant = TenantContext.require().value();
			Instant now = Instant.now(clock);
			SessionSettings settings = settingsRepository.findById(tenant)
				.orElseGet(() -> new SessionSettings(tenant, now));
			Lifetimes before = Lifetimes.of(settings);
			settings.change(refreshDays, rememberMeDays, idleMinutes, admin.id().value(), now);
			Lifetimes after = Lifetimes.of(settingsRepository.save(settings));
			events.publishEvent(new SecuritySettingsChanged(new TenantId(tenant), before, after));
			return after;
		});
	}

	/**
	 * Who must use MFA: always the ADMIN tier and the ADMIN and REVIEWER roles, plus what
	 * the tenant adds.
	 */
	public record MfaRequirement(List<String> alwaysRequiredFor, List<String> requiredRoles,
			boolean requiredForEveryone) {
	}

	public MfaRequirement mfaRequirement() {
		return transactions.execute(status -> {
			SessionSettings settings = settings();
			return new MfaRequirement(
					mfaRequiredByDefault ? List.of("tier ADMIN", "role ADMIN", "role REVIEWER") : List.of(),
					settings.mfaRequiredRoles(), settings.mfaRequiredForEveryone());
		});
	}

	/**
	 * Changes who must use MFA beyond the built-in requirement; audited as a
	 * security-settings change. Users it newly covers enrol at their next sign-in.
	 */
	public MfaRequirement changeMfaRequirement(List<String> roles, boolean everyone) {
		CurrentUser admin = CurrentUser.require();
		transactions.executeWithoutResult(status -> {
			UUID tenant = TenantContext.require().value();
			Instant now = Instant.now(clock);
			SessionSettings settings = settingsRepository.findById(tenant)
				.orElseGet(() -> new SessionSettings(tenant, now));
			Lifetimes lifetimes = Lifetimes.of(settings);
			MfaRequirement before = new MfaRequirement(List.of(), settings.mfaRequiredRoles(),
					settings.mfaRequiredForEveryone());
			settings.changeMfa(roles, everyone, admin.id().value(), now);
			settingsRepository.save(settings);
			events.publishEvent(new SecuritySettingsChanged(new TenantId(tenant), lifetimes, lifetimes, before,
					new MfaRequirement(List.of(), settings.mfaRequiredRoles(), settings.mfaRequiredForEveryone())));
		});
		return mfaRequirement();
	}

	/** New lifetimes (see {@link #changeLifetimes}). */
	public record LifetimeChange(int refreshDays, int rememberMeDays, int idleMinutes) {
	}

	/**
	 * A new MFA requirement beyond the built-in one (see {@link #changeMfaRequirement}).
	 */
	public record MfaRequirementChange(List<String> roles, boolean everyone) {
	}

	/**
	 * Changes the lifetimes and who must use MFA, either or both, in one transaction: a
	 * refused value leaves both as they were.
	 */
	public void changeSecuritySettings(@Nullable LifetimeChange lifetimes, @Nullable MfaRequirementChange mfaChange) {
		transactions.executeWithoutResult(status -> {
			if (mfaChange != null) {
				changeMfaRequirement(mfaChange.roles(), mfaChange.everyone());
			}
			if (lifetimes != null) {
				changeLifetimes(lifetimes.refreshDays(), lifetimes.rememberMeDays(), lifetimes.idleMinutes());
			}
		});
	}

	private static TenantId tenantOf(@Nullable String token) {
		int dot = token == null ? -1 : token.indexOf('.');
		try {
			if (token != null && dot == 36) {
				return new TenantId(UUID.fromString(token.substring(0, dot)));
			}
		}
		catch (IllegalArgumentException ex) {
			// fall through
		}
		throw new ProblemException(HttpStatus.UNAUTHORIZED, "invalid_refresh_token", "The refresh token is not valid");
	}

}
