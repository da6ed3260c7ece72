package io.prax.identity;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import io.prax.platform.SingleUseToken;

/**
 * A one-time link to set a password (invitation or reset), stored only as its SHA-256.
 */
@Entity
@Table(name = "password_token")
class PasswordToken extends SingleUseToken {

	enum Purpose {

		INVITATION, RESET

	}

	private UUID userId;

	@jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
	private Purpose purpose;

	protected PasswordToken() {
	}

	PasswordToken(String tokenHash, UUID userId, Purpose purpose, Instant createdAt, Instant expiresAt) {
		super(tokenHash, createdAt, expiresAt);
		this.userId = userId;
		this.purpose = purpose;
	}

	UUID userId() {
		return userId;
	}

}
