package io.prax.identity;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.TenantId;
import org.jspecify.annotations.Nullable;

/** A single-use MFA backup code, stored only as its SHA-256. */
@Entity
@Table(name = "mfa_backup_code")
class BackupCode {

	@Id
	private String codeHash;

	@TenantId
	@Column(name = "tenant_id", updatable = false)
	private UUID tenantId;

	private UUID userId;

	private Instant createdAt;

	private @Nullable Instant usedAt;

	protected BackupCode() {
	}

	BackupCode(String codeHash, UUID userId, Instant now) {
		this.codeHash = codeHash;
		this.userId = userId;
		this.createdAt = now;
	}

}
