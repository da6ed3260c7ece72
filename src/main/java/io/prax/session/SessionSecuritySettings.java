package io.prax.session;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.prax.identity.CurrentUser;
import io.prax.tenancy.TenantContext;
import io.prax.tenancy.TenantId;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The current tenant's session security settings: session lifetimes and who must use MFA.
 * Every change is audited as a security-settings change.
 */
@Service
public class SessionSecuritySettings {

	private final SessionSettingsRepository settingsRepository;

	private final TransactionTemplate transactions;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final boolean mfaRequiredByDefault;

	SessionSecuritySettings(SessionSettingsRepository settingsRepository, TransactionTemplate transactions,
			ApplicationEventPublisher events, Clock clock, MfaProperties mfaProperties) {
		this.settingsRepository = settingsRepository;
		this.transactions = transactions;
		this.events = events;
		this.clock = clock;
		this.mfaRequiredByDefault = mfaProperties.requiredByDefault();
	}

	/** New lifetimes (see {@link #changeLifetimes}). */
	public record LifetimeChange(int refreshDays, int rememberMeDays, int idleMinutes) {
	}

	/**
	 * A new MFA requirement beyond the built-in one (see {@link #changeMfaRequirement}).
	 */
	public record MfaRequirementChange(List<String> roles, boolean everyone) {
	}

	/** The current tenant's session lifetimes and idle timeout. */
	public Lifetimes lifetimes() {
		return transactions.execute(status -> Lifetimes.of(settingsRepository.current()));
	}

	/**
	 * Changes the current tenant's lifetimes within safe bounds (400
	 * {@code validation_failed} otherwise). They apply to new sessions; a shorter
	 * lifetime also ends a live session at its next refresh once it is older (a session
	 * is never extended).
	 */
	public Lifetimes changeLifetimes(int refreshDays, int rememberMeDays, int idleMinutes) {
		CurrentUser admin = CurrentUser.require();
		return transactions.execute(status -> {
			UUID tenant = TenantContext.require().value();
			Instant now = Instant.now(clock);
			SessionSettings settings = settingsRepository.findById(tenant)
				.orElseGet(() -> new SessionSettings(tenant, now));
			Lifetimes before = Lifetimes.of(settings);
			settings.change(refreshDays, rememberMeDays, idleMinutes, admin.id().value(), now);
			Lifetimes after = Lifetimes.of(settingsRepository.save(settings));
			events.publishEvent(new SecuritySettingsChanged(new TenantId(tenant), before, after));
			return after;
		});
	}

	/** Who must use MFA in the current tenant. */
	public MfaRequirement mfaRequirement() {
		return transactions.execute(status -> {
			SessionSettings settings = settingsRepository.current();
			return new MfaRequirement(
					mfaRequiredByDefault ? List.of("tier ADMIN", "role ADMIN", "role REVIEWER") : List.of(),
					settings.mfaRequiredRoles(), settings.mfaRequiredForEveryone());
		});
	}

	/**
	 * Changes who must use MFA beyond the built-in requirement; audited as a
	 * security-settings change. Users it newly covers enrol at their next sign-in.
	 */
	public MfaRequirement changeMfaRequirement(List<String> roles, boolean everyone) {
		CurrentUser admin = CurrentUser.require();
		transactions.executeWithoutResult(status -> {
			UUID tenant = TenantContext.require().value();
			Instant now = Instant.now(clock);
			SessionSettings settings = settingsRepository.findById(tenant)
				.orElseGet(() -> new SessionSettings(tenant, now));
			Lifetimes lifetimes = Lifetimes.of(settings);
			MfaRequirement before = new MfaRequirement(List.of(), settings.mfaRequiredRoles(),
					settings.mfaRequiredForEveryone());
			settings.changeMfa(roles, everyone, admin.id().value(), now);
			settingsRepository.save(settings);
			events.publishEvent(new SecuritySettingsChanged(new TenantId(tenant), lifetimes, lifetimes, before,
					new MfaRequirement(List.of(), settings.mfaRequiredRoles(), settings.mfaRequiredForEveryone())));
		});
		return mfaRequirement();
	}

	/**
	 * Changes the lifetimes and who must use MFA, either or both, in one transaction: a
	 * refused value leaves both as they were.
	 */
	public void changeSecuritySettings(@Nullable LifetimeChange lifetimes, @Nullable MfaRequirementChange mfaChange) {
		transactions.executeWithoutResult(status -> {
			if (mfaChange != null) {
				changeMfaRequirement(mfaChange.roles(), mfaChange.everyone());
			}
			if (lifetimes != null) {
				changeLifetimes(lifetimes.refreshDays(), lifetimes.rememberMeDays(), lifetimes.idleMinutes());
			}
		});
	}

}
