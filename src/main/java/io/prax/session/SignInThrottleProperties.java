package io.prax.session;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The sign-in throttle ({@code prax.sign-in.*}).
 *
 * @param accountFailures failed attempts on one account within {@code window} before it
 * is locked
 * @param ipFailures failed attempts from one address within {@code window} before it is
 * refused
 * @param window how far back failures are counted
 * @param lockout the first lockout; each further one doubles, up to {@code maxLockout}
 * @param maxLockout the longest lockout
 * @param cleanupInterval how often expired throttle rows are removed
 */
@ConfigurationProperties("prax.sign-in")
record SignInThrottleProperties(@DefaultValue("5") int accountFailures, @DefaultValue("20") int ipFailures,
		@DefaultValue("15m") Duration window, @DefaultValue("15m") Duration lockout,
		@DefaultValue("1h") Duration maxLockout, @DefaultValue("1h") Duration cleanupInterval) {
}
