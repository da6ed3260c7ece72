package io.prax.session;

import static io.prax.platform.Validation.checked;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.prax.identity.CurrentUser;
import io.prax.identity.UserDirectory;
import io.prax.identity.MfaManagement;
import io.prax.identity.UserAccount;
import io.prax.identity.UserId;
import io.prax.identity.UserStatus;
import io.prax.platform.Digests;
import io.prax.platform.ProblemException;
import io.prax.tenancy.TenantContext;
import io.prax.tenancy.TenantDirectory;
import io.prax.tenancy.TenantId;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A sign-in that must enrol a second factor before anything else: its {@code mfaToken}
 * opens the enrolment endpoints only, and the web flow completes the sign-in with the
 * first code.
 */
@Service
public class MfaEnrolmentAtSignIn {

	private final MfaChallenges challenges;

	private final MfaManagement mfa;

	private final UserDirectory identity;

	private final TenantDirectory tenants;

	private final SessionIssuer issuer;

	private final TransactionTemplate transactions;

	private final Clock clock;

	MfaEnrolmentAtSignIn(MfaChallenges challenges, MfaManagement mfa, UserDirectory identity, TenantDirectory tenants,
			SessionIssuer issuer, TransactionTemplate transactions, Clock clock) {
		this.challenges = challenges;
		this.mfa = mfa;
		this.identity = identity;
		this.tenants = tenants;
		this.issuer = issuer;
		this.transactions = transactions;
		this.clock = clock;
	}

	/** A completed web enrolment: the new session and the backup codes to show once. */
	public record Enrolled(IssuedTokens tokens, List<String> backupCodes) {

		@Override
		public String toString() {
			return "Enrolled[backupCodes=***]";
		}
	}

	/**
	 * The user a pending enrolment's {@code mfaToken} stands for, as a caller of the
	 * enrolment endpoints only; empty when the token is not such a live token.
	 */
	Optional<CurrentUser> enrolmentCaller(String mfaToken) {
		TenantId tenant;
		try {
			tenant = MfaChallenge.tenantOf(mfaToken);
		}
		catch (ProblemException ex) {
			return Optional.empty();
		}
		String tokenHash = Digests.sha256Hex(mfaToken);
		return TenantContext.call(tenant,
				() -> transactions.execute(status -> challenges.findUsable(tokenHash, Instant.now(clock))
					.filter(MfaChallenge::enrolment)
					.flatMap(c -> identity.find(new UserId(c.userId())))
					.filter(u -> u.status() == UserStatus.ACTIVE)
					.flatMap(account -> tenants.find(tenant)
						.map(info -> new CurrentUser(account.id(), account.tenantId(),
								UUID.nameUUIDFromBytes(tokenHash.getBytes(StandardCharsets.US_ASCII)), account.tier(),
								account.roles(), account.customerId(), account.name(), account.email(), info.slug(),
								info.name())))));
	}

	/**
	 * Starts the TOTP enrolment of a sign-in that must enrol first (the web enrolment
	 * page).
	 */
	public MfaManagement.TotpEnrolment startEnrolment(@Nullable String mfaToken) {
		TenantId tenant = MfaChallenge.tenantOf(mfaToken);
		return TenantContext.call(tenant, () -> {
			CurrentUser caller = enrolmentCaller(checked(mfaToken)).orElseThrow(MfaChallenge::invalidToken);
			return mfa.startEnrolment(caller.id(), caller.email(), caller.tenantSlug());
		});
	}

	/**
	 * Confirms the enrolment of a sign-in that had to enrol with its first code, and
	 * completes the sign-in with it (the web flow; the API asks for a fresh code at
	 * {@code /auth/mfa}).
	 */
	public Enrolled confirmEnrolment(@Nullable String mfaToken, @Nullable String code, ClientInfo client) {
		TenantId tenant = MfaChallenge.tenantOf(mfaToken);
		String tokenHash = Digests.sha256Hex(checked(mfaToken));
		return TenantContext.call(tenant, () -> {
			CurrentUser caller = enrolmentCaller(checked(mfaToken)).orElseThrow(MfaChallenge::invalidToken);
			MfaChallenge challenge = transactions.execute(status -> challenges.findUsable(tokenHash, Instant.now(clock))
				.orElseThrow(MfaChallenge::invalidToken));
			List<String> codes = mfa.confirmEnrolment(caller.id(), code);
			UserAccount user = identity.find(caller.id()).orElseThrow(MfaChallenge::invalidToken);
			IssuedTokens tokens = transactions.execute(status -> {
				if (challenges.use(tokenHash, Instant.now(clock)) == 0) {
					throw MfaChallenge.invalidToken();
				}
				return issuer.open(user, challenge.rememberMe(), client);
			});
			return new Enrolled(tokens, codes);
		});
	}

}
