package io.prax.platform;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;

import org.hibernate.annotations.TenantId;
import org.jspecify.annotations.Nullable;

/**
 * A tenant's single-use secret (a password link, a refresh token, a sign-in's
 * {@code mfaToken}), stored only as its SHA-256, usable once before it expires. The
 * tenant is filled in by Hibernate from the tenant context.
 */
@MappedSuperclass
public abstract class SingleUseToken {

	@Id
	private String tokenHash;

	@TenantId
	@Column(name = "tenant_id", updatable = false)
	private UUID tenantId;

	private Instant createdAt;

	private Instant expiresAt;

	private @Nullable Instant usedAt;

	protected SingleUseToken() {
	}

	protected SingleUseToken(String tokenHash, Instant createdAt, Instant expiresAt) {
		this.tokenHash = tokenHash;
		this.createdAt = createdAt;
		this.expiresAt = expiresAt;
	}

	public String tokenHash() {
		return tokenHash;
	}

	public Instant expiresAt() {
		return expiresAt;
	}

	public @Nullable Instant usedAt() {
		return usedAt;
	}

	/** Not used yet and not expired at {@code now}. */
	public boolean usableAt(Instant now) {
		return usedAt == null && now.isBefore(expiresAt);
	}

	public void use(Instant at) {
		this.usedAt = at;
	}

}
