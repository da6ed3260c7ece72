package io.prax.session;

/**
 * What a right password leads to: a session, or a second factor (or its enrolment) first.
 */
public sealed interface SignInOutcome {

	record Signed(IssuedTokens tokens) implements SignInOutcome {
	}

	/**
	 * {@code mfaToken} completes the sign-in at {@code /auth/mfa}; with
	 * {@code enrolmentRequired}, it enrols first.
	 */
	record MfaPending(String mfaToken, boolean enrolmentRequired) implements SignInOutcome {

		@Override
		public String toString() {
			return "MfaPending[enrolmentRequired=" + enrolmentRequired + "]";
		}
	}

}
