package io.prax.session;

import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

import io.prax.identity.MfaPolicy;
import io.prax.identity.Tier;
import io.prax.identity.UserAccount;
import io.prax.tenancy.TenantContext;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** The one rule of who must use MFA, from the current tenant's security settings. */
@Component
class MfaRequirementPolicy implements MfaPolicy {

	/**
	 * Roles whose users always need MFA (with the ADMIN tier), whatever the tenant's
	 * settings.
	 */
	static final List<String> MFA_ROLES = List.of("ADMIN", "REVIEWER");

	private final SessionSettingsRepository settings;

	private final TransactionTemplate transactions;

	private final boolean requiredByDefault;

	MfaRequirementPolicy(SessionSettingsRepository settings, TransactionTemplate transactions,
			MfaProperties properties) {
		this.settings = settings;
		this.transactions = transactions;
		this.requiredByDefault = properties.requiredByDefault();
	}

	@Override
	public Predicate<UserAccount> requirement() {
		UUID tenant = TenantContext.require().value();
		SessionSettings current = transactions
			.execute(status -> settings.findById(tenant).orElseGet(() -> SessionSettings.defaults(tenant)));
		return user -> requires(user, requiredByDefault, current);
	}

	/**
	 * The ADMIN tier and the ADMIN and REVIEWER roles always (unless
	 * {@code prax.mfa.required-by-default} is off, for tests only), everyone when the
	 * tenant says so, and the roles the tenant adds.
	 */
	static boolean requires(UserAccount user, boolean requiredByDefault, SessionSettings settings) {
		if (settings.mfaRequiredForEveryone()) {
			return true;
		}
		if (requiredByDefault && (user.tier() == Tier.ADMIN
				|| user.roles().stream().anyMatch(role -> MFA_ROLES.stream().anyMatch(role::equalsIgnoreCase)))) {
			return true;
		}
		return user.roles()
			.stream()
			.anyMatch(role -> settings.mfaRequiredRoles().stream().anyMatch(role::equalsIgnoreCase));
	}

}
