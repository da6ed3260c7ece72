package io.prax.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;

/**
 * A full Prax on a random port against the test JVM's embedded PostgreSQL (one server per
 * JVM, in a fresh temporary data directory). Tests isolate themselves by creating their
 * own tenants. Administrators of test tenants need no MFA here, so tests not about MFA
 * sign in with a password; the MFA tests use {@link MfaRequired}, which restores the
 * product default. {@link Api#login} completes an MFA sign-in either way.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "prax.data-dir=${prax.test.data-dir}", "prax.public-url=http://localhost",
				"prax.mail.dispatch-interval=1h",
				// Tests flush last-seen themselves; a scheduled flush between two reads
				// would race them.
				"prax.sessions.last-seen-flush=1h",
				// Sign-in without a second factor for tests not about MFA; @MfaRequired
				// turns the default back on.
				"prax.mfa.required-by-default=false",
				// Every test signs in from 127.0.0.1 in one shared context, so the
				// per-address limit of failed sign-ins (and reset requests) would count
				// the whole suite's deliberate failures; SignInProtectionTests and
				// SignInUnderLoadTests check that limit at its default of 20.
				"prax.sign-in.ip-failures=1000000" })
public @interface PraxIntegrationTest {

}
