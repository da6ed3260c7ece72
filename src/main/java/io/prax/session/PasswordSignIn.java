package io.prax.session;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.prax.identity.IdentityRules;
import io.prax.identity.PasswordCheck;
import io.prax.identity.UserAccount;
import io.prax.platform.ProblemException;
import io.prax.tenancy.TenantContext;
import io.prax.tenancy.TenantDirectory;
import io.prax.tenancy.TenantId;
import io.prax.tenancy.TenantInfo;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * The first step of a sign-in: the password, throttled per account and per address.
 * Unknown workspace, unknown user and wrong password give the same answer after the same
 * hashing work; a locked account, known or not, answers 429 {@code too_many_attempts}
 * with {@code Retry-After} from every address, even to the right password. The attempt is
 * reserved with the throttle before the password is checked, and the password is hashed
 * outside any transaction.
 */
@Service
public class PasswordSignIn {

	/** Longest workspace id anyone may send (ids have at most 63 characters). */
	static final int MAX_TENANT_LENGTH = 63;

	private final SignInThrottle throttle;

	private final TenantDirectory tenants;

	private final PasswordCheck identity;

	private final MfaSignIn secondFactor;

	private final ApplicationEventPublisher events;

	PasswordSignIn(SignInThrottle throttle, TenantDirectory tenants, PasswordCheck identity, MfaSignIn secondFactor,
			ApplicationEventPublisher events) {
		this.throttle = throttle;
		this.tenants = tenants;
		this.identity = identity;
		this.secondFactor = secondFactor;
		this.events = events;
	}

	/**
	 * Signs in with a password; a user who has or must have MFA gets 401
	 * {@code mfa_required} (use {@link #begin}).
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
	 * Signs in with a password: a session, or, for a user who has or must have MFA, an
	 * {@code mfaToken} for the second step.
	 */
	public SignInOutcome begin(String tenantSlug, String email, String password, boolean rememberMe,
			ClientInfo client) {
		checkBounds(tenantSlug, email, password);
		// Locked from every address: none lets a right password past the lock.
		SignInThrottle.Reserved reserved = throttle.reserveSignIn(SignInThrottle.accountKey(tenantSlug, email),
				SignInThrottle.addressKey(client.ip()),
				() -> failed(workspace(tenantSlug), email, "account_locked", client));
		Optional<TenantInfo> tenant = workspace(tenantSlug);
		TenantId scope = tenant.map(TenantInfo::id).orElseGet(() -> new TenantId(UUID.randomUUID()));
		Optional<UserAccount> user;
		try {
			user = TenantContext.call(scope, () -> identity.authenticate(email, password));
		}
		catch (RuntimeException notChecked) {
			throttle.release(reserved);
			throw notChecked;
		}
		SignInOutcome issued = user.filter(u -> tenant.isPresent())
			.map(u -> TenantContext.call(scope, () -> secondFactor.afterPassword(u, rememberMe, client)))
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

	private Optional<TenantInfo> workspace(@Nullable String tenantSlug) {
		return tenantSlug == null ? Optional.empty() : tenants.findBySlug(tenantSlug);
	}

	private void failed(Optional<TenantInfo> tenant, @Nullable String email, String reason, ClientInfo client) {
		events.publishEvent(SignInFailed.of(tenant.map(TenantInfo::id).orElse(null), email, reason, client));
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

}
