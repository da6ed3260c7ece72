package io.prax.session;

import io.prax.identity.CurrentUser;
import io.prax.identity.PasswordResets;
import io.prax.identity.UserDirectory;
import io.prax.identity.MfaManagement;
import io.prax.identity.UserAccount;
import io.prax.identity.UserId;
import io.prax.platform.ProblemException;
import io.prax.platform.RateLimited;
import io.prax.tenancy.TenantContext;
import io.prax.tenancy.TenantDirectory;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Getting back into an account: a forgotten password's reset mail, and an administrator's
 * unlock of a lockout or reset of a lost second factor.
 */
@Service
public class AccountRecovery {

	private final UserDirectory identity;

	private final PasswordResets resets;

	private final MfaManagement mfa;

	private final TenantDirectory tenants;

	private final SignInThrottle throttle;

	private final TransactionTemplate transactions;

	private final ApplicationEventPublisher events;

	AccountRecovery(UserDirectory identity, PasswordResets resets, MfaManagement mfa, TenantDirectory tenants,
			SignInThrottle throttle, TransactionTemplate transactions, ApplicationEventPublisher events) {
		this.identity = identity;
		this.resets = resets;
		this.mfa = mfa;
		this.tenants = tenants;
		this.throttle = throttle;
		this.transactions = transactions;
		this.events = events;
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
	private boolean passwordResetAllowed(@Nullable String tenantSlug, @Nullable String email, ClientInfo client) {
		PasswordSignIn.checkBounds(tenantSlug, email, null);
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

}
