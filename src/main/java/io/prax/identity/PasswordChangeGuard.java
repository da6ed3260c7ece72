package io.prax.identity;

/**
 * Guards the check of a signed-in user's current password against guessing, like sign-in:
 * the session module implements it with the shared sign-in throttle. The attempt is
 * reserved before the password is checked, so parallel guesses cannot get more checks
 * than the limits allow.
 */
public interface PasswordChangeGuard {

	/**
	 * Problem code (429, with {@code Retry-After}) while the user's password checks are
	 * locked.
	 */
	String TOO_MANY_ATTEMPTS = "too_many_attempts";

	/**
	 * Reserves one check of {@code user}'s current password; throws a
	 * {@link io.prax.platform.RetryLater} when too many checks failed.
	 */
	Attempt reserve(CurrentUser user);

	/** A reserved check. Left alone, it counts as a failure. */
	interface Attempt {

		/**
		 * The password was right: earlier failures of the user are forgiven, the check is
		 * given back.
		 */
		void passed();

		/**
		 * The password could not be checked (the server was busy): the check is given
		 * back.
		 */
		void notChecked();

	}

}
