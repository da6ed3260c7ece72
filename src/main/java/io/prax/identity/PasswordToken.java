package io.prax.identity;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.TenantId;
import org.jspecify.annotations.Nullable;

/**
 * A one-time link to set a password (invitation or reset), stored only as its SHA-256.
 */
@Entity
@Table(name = "password_token")
class PasswordToken {

	enum Purpose {

		INVITATION, RESET

	}

	@Id
	private String tokenHash;

	@TenantId
	@Column(name = "tenant_id", updatable = false)
	private UUID tenantId;

	private UUID userId;

	@jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
	private Purpose purpose;

	private Instant createdAt;

	private Instant expiresAt;

	private @Nullable Instant usedAt;

	protected PasswordToken() {
	}

	PasswordToken(String tokenHash, UUID userId, Purpose purpose, Instant createdAt, Instant expiresAt) {
		this.tokenHash = tokenHash;
		this.userId = userId;
		this.purpose = purpose;
		this.createdAt = createdAt;
		this.expiresAt = expiresAt;
	}

	UUID userId() {
		return userId;
	}

	boolean usableAt(Instant now) {
		return usedAt == null && now.isBefore(expiresAt);
	}

	void use(Instant at) {
		this.usedAt = at;
	}

}
