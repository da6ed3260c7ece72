package io.prax.session;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.TenantId;
import org.jspecify.annotations.Nullable;

/**
 * One refresh token, stored as SHA-256. A used token is kept: presenting it again reveals
 * theft.
 */
@Entity
@Table(name = "refresh_token")
class RefreshToken {

	@Id
	private String tokenHash;

	@TenantId
	@Column(name = "tenant_id", updatable = false)
	private UUID tenantId;

	private UUID sessionId;

	private Instant createdAt;

	private Instant expiresAt;

	private @Nullable Instant usedAt;

	protected RefreshToken() {
	}

	RefreshToken(String tokenHash, UUID sessionId, Instant createdAt, Instant expiresAt) {
		this.tokenHash = tokenHash;
		this.sessionId = sessionId;
		this.createdAt = createdAt;
		this.expiresAt = expiresAt;
	}

	UUID sessionId() {
		return sessionId;
	}

	Instant expiresAt() {
		return expiresAt;
	}

	@Nullable Instant usedAt() {
		return usedAt;
	}

	void use(Instant at) {
		this.usedAt = at;
	}

}
