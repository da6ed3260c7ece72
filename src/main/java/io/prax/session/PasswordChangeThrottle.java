package io.prax.session;

import jakarta.servlet.http.HttpServletRequest;

import io.prax.identity.CurrentUser;
import io.prax.identity.PasswordChangeGuard;
import io.prax.platform.RateLimited;
import io.prax.platform.RetryLater;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Throttles checks of a signed-in user's current password like sign-in: per user and per
 * address, with the same limits and lockouts, in their own counters (a stolen session
 * cannot lock its owner out of signing in).
 */
@Component
class PasswordChangeThrottle implements PasswordChangeGuard {

	private final SignInThrottle throttle;

	PasswordChangeThrottle(SignInThrottle throttle) {
		this.throttle = throttle;
	}

	@Override
	public Attempt reserve(CurrentUser user) {
		String accountKey = SignInThrottle.passwordAccountKey(user.tenantId().value(), user.id().value());
		String addressKey = SignInThrottle.passwordAddressKey(address());
		SignInThrottle.Verdict verdict = throttle.reserve(accountKey, addressKey);
		if (verdict instanceof SignInThrottle.TooManyFromAddress tooMany) {
			throw new RateLimited(tooMany.retryAfter());
		}
		if (verdict instanceof SignInThrottle.AccountLocked locked) {
			throw new RetryLater(HttpStatus.TOO_MANY_REQUESTS, TOO_MANY_ATTEMPTS,
					"Too many wrong current passwords; try again later", locked.retryAfter());
		}
		SignInThrottle.Reserved reserved = (SignInThrottle.Reserved) verdict;
		return new Attempt() {
			@Override
			public void passed() {
				throttle.succeeded(reserved);
			}

			@Override
			public void notChecked() {
				throttle.release(reserved);
			}
		};
	}

	private static @Nullable String address() {
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
			HttpServletRequest request = attributes.getRequest();
			return ClientInfo.of(request).ip();
		}
		return null;
	}

}
