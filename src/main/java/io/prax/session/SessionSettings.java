package io.prax.session;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.prax.platform.ProblemException;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.jspecify.annotations.Nullable;

/**
 * A tenant's session lifetimes: absolute from sign-in, with and without "remember me",
 * and the idle timeout after which a session without "remember me" ends. Bounds are
 * enforced here and in the table.
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

	/**
	 * Roles whose users must use MFA, beyond the built-in ADMIN tier and ADMIN and
	 * REVIEWER roles.
	 */
	@JdbcTypeCode(SqlTypes.ARRAY)
	private List<String> mfaRequiredRoles = new ArrayList<>();

	private boolean mfaRequiredForEveryone;

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

	/** A new session's absolute lifetime from sign-in. */
	Duration lifetime(boolean rememberMe) {
		return rememberMe ? rememberMeLifetime() : refreshLifetime();
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

	List<String> mfaRequiredRoles() {
		return List.copyOf(mfaRequiredRoles);
	}

	boolean mfaRequiredForEveryone() {
		return mfaRequiredForEveryone;
	}

	/** Who must use MFA beyond the built-in requirement (which cannot be lifted). */
	void changeMfa(List<String> roles, boolean everyone, UUID by, Instant now) {
		if (roles.size() > 100
				|| roles.stream().anyMatch(role -> role == null || role.isBlank() || role.length() > 100)) {
			throw ProblemException.validation(Map.of("mfaRequiredRoles", "Up to 100 role names"));
		}
		this.mfaRequiredRoles = new ArrayList<>(roles.stream().map(String::strip).distinct().toList());
		this.mfaRequiredForEveryone = everyone;
		this.updatedBy = by;
		this.updatedAt = now;
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
