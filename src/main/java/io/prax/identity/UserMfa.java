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
 * A user's TOTP enrolment: pending until a first code confirms it. The secret is
 * ciphertext only.
 */
@Entity
@Table(name = "user_mfa")
class UserMfa {

	@Id
	private UUID userId;

	@TenantId
	@Column(name = "tenant_id", updatable = false)
	private UUID tenantId;

	private String secretCiphertext;

	private Instant createdAt;

	private @Nullable Instant confirmedAt;

	private long lastUsedStep = -1;

	protected UserMfa() {
	}

	UserMfa(UUID userId, String secretCiphertext, Instant now) {
		this.userId = userId;
		this.secretCiphertext = secretCiphertext;
		this.createdAt = now;
	}

	UUID userId() {
		return userId;
	}

	UUID tenantId() {
		return tenantId;
	}

	String secretCiphertext() {
		return secretCiphertext;
	}

	boolean confirmed() {
		return confirmedAt != null;
	}

	void restart(String secretCiphertext, Instant now) {
		this.secretCiphertext = secretCiphertext;
		this.createdAt = now;
		this.confirmedAt = null;
		this.lastUsedStep = -1;
	}

}
