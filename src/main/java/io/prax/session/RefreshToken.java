package io.prax.session;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import io.prax.platform.SingleUseToken;

/**
 * One refresh token, stored as SHA-256. A used token is kept: presenting it again reveals
 * theft.
 */
@Entity
@Table(name = "refresh_token")
class RefreshToken extends SingleUseToken {

	private UUID sessionId;

	protected RefreshToken() {
	}

	RefreshToken(String tokenHash, UUID sessionId, Instant createdAt, Instant expiresAt) {
		super(tokenHash, createdAt, expiresAt);
		this.sessionId = sessionId;
	}

	UUID sessionId() {
		return sessionId;
	}

}
