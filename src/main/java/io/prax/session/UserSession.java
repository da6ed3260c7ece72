package io.prax.session;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.prax.platform.Ids;
import org.hibernate.annotations.TenantId;
import org.jspecify.annotations.Nullable;

/**
 * The truth about a sign-in: an access token is honoured only while its session is live.
 */
@Entity
@Table(name = "user_session")
class UserSession {

	@Id
	private UUID id;

	@TenantId
	@Column(name = "tenant_id", updatable = false)
	private UUID tenantId;

	private UUID userId;

	private @Nullable String ip;

	private @Nullable String userAgent;

	private boolean rememberMe;

	private Instant createdAt;

	private Instant lastSeenAt;

	private Instant expiresAt;

	private @Nullable Instant revokedAt;

	private @Nullable String revokedReason;

	private @Nullable Instant reauthenticatedAt;

	protected UserSession() {
	}

	UserSession(UUID userId, @Nullable String ip, @Nullable String userAgent, boolean rememberMe, Instant now,
			Instant expiresAt) {
		this.id = Ids.newId();
		this.userId = userId;
		this.ip = ip;
		this.userAgent = userAgent == null || userAgent.length() <= 512 ? userAgent : userAgent.substring(0, 512);
		this.rememberMe = rememberMe;
		this.createdAt = now;
		this.lastSeenAt = now;
		this.expiresAt = expiresAt;
	}

	UUID id() {
		return id;
	}

	UUID tenantId() {
		return tenantId;
	}

	UUID userId() {
		return userId;
	}

	@Nullable String ip() {
		return ip;
	}

	@Nullable String userAgent() {
		return userAgent;
	}

	Instant createdAt() {
		return createdAt;
	}

	Instant lastSeenAt() {
		return lastSeenAt;
	}

	boolean rememberMe() {
		return rememberMe;
	}

	Instant expiresAt() {
		return expiresAt;
	}

	/**
	 * When the owner last proved their password (and code): at sign-in, or by
	 * re-authenticating since.
	 */
	Instant authenticatedAt() {
		return reauthenticatedAt != null && reauthenticatedAt.isAfter(createdAt) ? reauthenticatedAt : createdAt;
	}

	void reauthenticated(Instant now) {
		this.reauthenticatedAt = now;
	}

	boolean liveAt(Instant now) {
		return revokedAt == null && now.isBefore(expiresAt);
	}

	void seen(Instant now, @Nullable String ip) {
		this.lastSeenAt = now;
		if (ip != null) {
			this.ip = ip;
		}
	}

	/**
	 * Absolute lifetime: the end is set at sign-in and may only move earlier, never
	 * later.
	 */
	void endNoLaterThan(Instant end) {
		if (end.isBefore(this.expiresAt)) {
			this.expiresAt = end;
		}
	}

	void revoke(Instant now, String reason) {
		if (revokedAt == null) {
			this.revokedAt = now;
			this.revokedReason = reason;
		}
	}

}
