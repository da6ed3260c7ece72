package io.prax.identity;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.prax.platform.Ids;
import org.hibernate.annotations.TenantId;

/**
 * An earlier password of a user, as its hash only; not a business record, so not audited.
 */
@Entity
@Table(name = "password_history")
class PasswordHistoryEntry {

	@Id
	private UUID id = Ids.newId();

	@TenantId
	@Column(name = "tenant_id", updatable = false)
	private UUID tenantId;

	private UUID userId;

	private String passwordHash;

	private Instant createdAt;

	protected PasswordHistoryEntry() {
	}

	PasswordHistoryEntry(UUID userId, String passwordHash, Instant createdAt) {
		this.userId = userId;
		this.passwordHash = passwordHash;
		this.createdAt = createdAt;
	}

	String passwordHash() {
		return passwordHash;
	}

}
