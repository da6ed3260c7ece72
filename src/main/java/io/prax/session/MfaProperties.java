package io.prax.session;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Two-factor sign-in ({@code prax.mfa.*}).
 *
 * @param requiredByDefault require MFA of tier ADMIN and the ADMIN and REVIEWER roles;
 * only the test suite turns it off, for the tests that are not about MFA
 */
@ConfigurationProperties("prax.mfa")
record MfaProperties(@DefaultValue("true") boolean requiredByDefault) {
}
