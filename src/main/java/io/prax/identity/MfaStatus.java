package io.prax.identity;

import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import io.prax.platform.ProblemException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * Who has and who must have MFA, for the pages that show it (one's security page, the
 * users list, the dashboard's coverage), and the self-service changes that need the
 * password again.
 */
@Service
public class MfaStatus {

	/** Problem code (409) of disabling MFA that the workspace requires of this user. */
	public static final String REQUIRED_BY_POLICY = "mfa_required_by_policy";

	private final UserDirectory directory;

	private final OwnPassword ownPassword;

	private final MfaManagement mfa;

	private final MfaPolicy policy;

	MfaStatus(UserDirectory directory, OwnPassword ownPassword, MfaManagement mfa, MfaPolicy policy) {
		this.directory = directory;
		this.ownPassword = ownPassword;
		this.mfa = mfa;
		this.policy = policy;
	}

	/**
	 * A user's second factor as they (or an administrator) see it: never a secret or a
	 * code.
	 */
	public record Of(boolean enrolled, boolean required, int unusedBackupCodes) {
	}

	public Of of(UserId user) {
		UserAccount account = directory.find(user).orElseThrow(() -> ProblemException.notFound("user"));
		boolean enrolled = mfa.enrolled(user);
		return new Of(enrolled, policy.requirement().test(account), enrolled ? mfa.unusedBackupCodes(user) : 0);
	}

	/** Of these users, those who must use MFA. */
	public Set<UserId> requiredAmong(List<UserAccount> users) {
		Predicate<UserAccount> required = policy.requirement();
		return users.stream().filter(required).map(UserAccount::id).collect(Collectors.toSet());
	}

	/** Active users who must use MFA, and of them those who have set it up. */
	public record Coverage(int required, int enrolled) {

		public int missing() {
			return required - enrolled;
		}
	}

	public Coverage coverage() {
		List<UserAccount> active = directory.list().stream().filter(u -> u.status() == UserStatus.ACTIVE).toList();
		Set<UserId> required = requiredAmong(active);
		return new Coverage(required.size(), mfa.enrolledAmong(required).size());
	}

	/** Active users who must use MFA and have not set it up yet. */
	public List<UserAccount> missing() {
		List<UserAccount> active = directory.list().stream().filter(u -> u.status() == UserStatus.ACTIVE).toList();
		Set<UserId> required = requiredAmong(active);
		Set<UserId> enrolled = mfa.enrolledAmong(required);
		return active.stream().filter(u -> required.contains(u.id()) && !enrolled.contains(u.id())).toList();
	}

	/**
	 * New backup codes for the signed-in user after re-entering the password; the old
	 * ones stop working. Shown once.
	 */
	public List<String> regenerateOwnBackupCodes(@org.jspecify.annotations.Nullable String password) {
		ownPassword.confirmOwnPassword(password);
		return mfa.regenerateBackupCodes(CurrentUser.require().id());
	}

	/**
	 * Turns the signed-in user's MFA off after re-entering the password (every session of
	 * theirs ends); 409 {@link #REQUIRED_BY_POLICY}, before the password is checked, when
	 * the workspace requires it.
	 */
	public void disableOwn(@org.jspecify.annotations.Nullable String password) {
		CurrentUser me = CurrentUser.require();
		if (of(me.id()).required()) {
			throw new ProblemException(HttpStatus.CONFLICT, REQUIRED_BY_POLICY,
					"Your workspace requires two-factor authentication for your account, so it cannot be turned off");
		}
		ownPassword.confirmOwnPassword(password);
		mfa.remove(me.id(), "disabled");
	}

}
