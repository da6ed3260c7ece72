package io.prax.session;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.prax.platform.ProblemException;
import org.jspecify.annotations.Nullable;

/**
 * A tenant's session lifetimes: absolute from sign-in, with and without "remember me", and the idle
 * timeout after which a session without "remember me" ends. Bounds are enforced here and in the table.
 */
@Entity
@Table(name = "session_settings")
class SessionSettings {

	static final int DEFAULT_REFRESH_DAYS = 7;
	static final int DEFAULT_REMEMBER_ME_DAYS = 30;
	static final int DEFAULT_IDLE_MINUTES = 8 * 60;

	@Id
	private UUID tenantId;

	private int refreshLifetimeDays;

	private int rememberMeLifetimeDays;

	private int idleTimeoutMinutes;

	@Version
	private long version;

	private Instant updatedAt;

	private @Nullable UUID updatedBy;

	protected SessionSettings() {
	}

	SessionSettings(UUID tenantId, Instant now) {
		this.tenantId = tenantId;
		this.refreshLifetimeDays = DEFAULT_REFRESH_DAYS;
		this.rememberMeLifetimeDays = DEFAULT_REMEMBER_ME_DAYS;
		this.idleTimeoutMinutes = DEFAULT_IDLE_MINUTES;
		this.updatedAt = now;
	}

	static SessionSettings defaults(UUID tenantId) {
		return new SessionSettings(tenantId, Instant.EPOCH);
	}

	Duration refreshLifetime() {
		return Duration.ofDays(refreshLifetimeDays);
	}

	Duration rememberMeLifetime() {
		return Duration.ofDays(rememberMeLifetimeDays);
	}

	Duration idleTimeout() {
		return Duration.ofMinutes(idleTimeoutMinutes);
	}

	int refreshLifetimeDays() {
		return refreshLifetimeDays;
	}

	int rememberMeLifetimeDays() {
		return rememberMeLifetimeDays;
	}

	int idleTimeoutMinutes() {
		return idleTimeoutMinutes;
	}

	/** Changes the lifetimes, refusing values outside the safe bounds. */
	void change(int refreshDays, int rememberMeDays, int idleMinutes, UUID by, Instant now) {
		Map<String, String> errors = new LinkedHashMap<>();
		if (refreshDays < 1 || refreshDays > 30) {
			errors.put("refreshLifetimeDays", "Between 1 and 30 days");
		}
		if (rememberMeDays < 1 || rememberMeDays > 90) {
			errors.put("rememberMeLifetimeDays", "Between 1 and 90 days");
		}
		else if (rememberMeDays < refreshDays) {
			errors.put("rememberMeLifetimeDays", "At least the refresh lifetime");
		}
		if (idleMinutes < 15 || idleMinutes > 43_200) {
			errors.put("idleTimeoutMinutes", "Between 15 minutes and 30 days");
		}
		if (!errors.isEmpty()) {
			throw ProblemException.validation(errors);
		}
		this.refreshLifetimeDays = refreshDays;
		this.rememberMeLifetimeDays = rememberMeDays;
		this.idleTimeoutMinutes = idleMinutes;
		this.updatedBy = by;
		this.updatedAt = now;
	}
}
