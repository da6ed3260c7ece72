package io.prax.identity;

import java.util.function.Predicate;

/**
 * Who must use MFA in the current tenant. The session module implements it from the
 * tenant's security settings (the built-in ADMIN tier and ADMIN and REVIEWER roles, plus
 * what the tenant adds).
 */
public interface MfaPolicy {

	/** The current tenant's rule, read once: ask it for each user of a list. */
	Predicate<UserAccount> requirement();

}
