package io.prax.session;

import static io.prax.platform.Validation.checked;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import io.prax.identity.UserDirectory;
import io.prax.identity.MfaManagement;
import io.prax.identity.UserAccount;
import io.prax.identity.UserId;
import io.prax.identity.UserStatus;
import io.prax.platform.Digests;
import io.prax.platform.ProblemException;
import io.prax.platform.SecretFiles;
import io.prax.tenancy.TenantContext;
import io.prax.tenancy.TenantDirectory;
import io.prax.tenancy.TenantId;
import io.prax.tenancy.TenantInfo;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The second step of a sign-in: after a right password, a session at once or an
 * {@code mfaToken} that a TOTP or backup code completes.
 */
@Service
public class MfaSignIn {

	private final MfaChallenges challenges;

	private final MfaManagement mfa;

	private final MfaRequirementPolicy requirement;

	private final UserDirectory identity;

	private final TenantDirectory tenants;

	private final SignInThrottle throttle;

	private final SessionIssuer issuer;

	private final TransactionTemplate transactions;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	MfaSignIn(MfaChallenges challenges, MfaManagement mfa, MfaRequirementPolicy requirement, UserDirectory identity,
			TenantDirectory tenants, SignInThrottle throttle, SessionIssuer issuer, TransactionTemplate transactions,
			ApplicationEventPublisher events, Clock clock) {
		this.challenges = challenges;
		this.mfa = mfa;
		this.requirement = requirement;
		this.identity = identity;
		this.tenants = tenants;
		this.throttle = throttle;
		this.issuer = issuer;
		this.transactions = transactions;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * A session at once, or, when the user has MFA or must have it, a challenge: the
	 * password was right, so the sign-in throttle forgives earlier failures only once the
	 * second factor passes too. In the user's tenant.
	 */
	SignInOutcome afterPassword(UserAccount user, boolean rememberMe, ClientInfo client) {
		boolean enrolled = mfa.enrolled(user.id());
		if (!enrolled && !requirement.requirement().test(user)) {
			return new SignInOutcome.Signed(transactions.execute(status -> issuer.open(user, rememberMe, client)));
		}
		String token = user.tenantId() + "." + SecretFiles.randomToken(32);
		transactions.executeWithoutResult(status -> {
			Instant now = Instant.now(clock);
			challenges.save(new MfaChallenge(Digests.sha256Hex(token), user.id().value(), rememberMe, !enrolled, client,
					now, now.plus(MfaChallenge.TOKEN_LIFETIME)));
		});
		return new SignInOutcome.MfaPending(token, !enrolled);
	}

	/**
	 * Completes a sign-in with the second factor: a TOTP code of a step not used before,
	 * or an unused backup code. A wrong code counts as a failed sign-in (lockout) and
	 * against the token; the token completes one sign-in only. 401
	 * {@code invalid_mfa_code} or {@code invalid_mfa_token}; 429 while locked.
	 */
	public IssuedTokens completeMfa(@Nullable String mfaToken, @Nullable String code, ClientInfo client) {
		TenantId tenant = MfaChallenge.tenantOf(mfaToken);
		String tokenHash = Digests.sha256Hex(checked(mfaToken));
		return TenantContext.call(tenant, () -> {
			MfaChallenge challenge = transactions.execute(status -> challenges.findUsable(tokenHash, Instant.now(clock))
				.orElseThrow(MfaChallenge::invalidToken));
			UserAccount user = identity.find(new UserId(challenge.userId()))
				.filter(u -> u.status() == UserStatus.ACTIVE)
				.orElseThrow(MfaChallenge::invalidToken);
			TenantInfo info = tenants.find(tenant).orElseThrow(MfaChallenge::invalidToken);
			SignInThrottle.Reserved reserved = throttle.reserveSignIn(
					SignInThrottle.accountKey(info.slug(), user.email()), SignInThrottle.addressKey(client.ip()),
					() -> events.publishEvent(SignInFailed.of(tenant, user.email(), "account_locked", client)));
			if (!mfa.verify(user.id(), code)) {
				transactions.executeWithoutResult(status -> challenges.failed(tokenHash));
				events.publishEvent(SignInFailed.of(tenant, user.email(), "wrong_mfa_code", client));
				throw new ProblemException(HttpStatus.UNAUTHORIZED, MfaManagement.INVALID_CODE,
						"The code is not correct or was already used");
			}
			IssuedTokens tokens = transactions.execute(status -> {
				if (challenges.use(tokenHash, Instant.now(clock)) == 0) {
					throw MfaChallenge.invalidToken();
				}
				return issuer.open(user, challenge.rememberMe(), client);
			});
			throttle.succeeded(reserved);
			return tokens;
		});
	}

	/**
	 * Whether an {@code mfaToken} can still complete a sign-in, and whether it must enrol
	 * first (web pages).
	 */
	public Optional<Boolean> pendingEnrolment(@Nullable String mfaToken) {
		try {
			TenantId tenant = MfaChallenge.tenantOf(mfaToken);
			return TenantContext
				.call(tenant,
						() -> transactions.execute(status -> challenges
							.findUsable(Digests.sha256Hex(checked(mfaToken)), Instant.now(clock))
							.map(MfaChallenge::enrolment)));
		}
		catch (ProblemException ex) {
			return Optional.empty();
		}
	}

}
