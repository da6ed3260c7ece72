package io.prax.platform;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.PrePersist;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;

import org.hibernate.annotations.TenantId;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.CreatedBy;
import org.springframework.data.annotation.CreatedDate;
import org.springframework.data.annotation.LastModifiedBy;
import org.springframework.data.annotation.LastModifiedDate;
import org.springframework.data.domain.Persistable;
import org.springframework.data.jpa.domain.support.AuditingEntityListener;

/**
 * A tenant-owned business record with the ALCOA+ fields: who created and last changed it
 * and when (server clock, UTC), an optimistic-locking version, and a soft delete with a
 * reason. The tenant is filled in by Hibernate from the tenant context; feature code
 * never sets it.
 */
@MappedSuperclass
@EntityListeners(AuditingEntityListener.class)
public abstract class TenantRecord implements Persistable<UUID> {

	/**
	 * Assigned at first use rather than in the constructor: Hibernate calls the
	 * constructor for every row it loads, and a UUIDv7 takes a lock and the CSPRNG (seen
	 * in profiles of lists under load).
	 */
	@Id
	private @Nullable UUID id;

	@TenantId
	@Column(name = "tenant_id", nullable = false, updatable = false)
	private UUID tenantId;

	@Version
	private long version;

	@CreatedDate
	@Column(nullable = false, updatable = false)
	private Instant createdAt;

	@CreatedBy
	@Column(updatable = false)
	private @Nullable UUID createdBy;

	@LastModifiedDate
	@Column(nullable = false)
	private Instant updatedAt;

	@LastModifiedBy
	private @Nullable UUID updatedBy;

	private @Nullable Instant deletedAt;

	private @Nullable UUID deletedBy;

	private @Nullable String deleteReason;

	/**
	 * Ids are assigned by the application, so "new" is tracked here: repositories persist
	 * instead of merging.
	 */
	@Transient
	private boolean fresh = true;

	public UUID id() {
		UUID assigned = id;
		if (assigned == null) {
			assigned = Ids.newId();
			id = assigned;
		}
		return assigned;
	}

	@Override
	public UUID getId() {
		return id();
	}

	/** A record persisted without its id ever read gets one here. */
	@PrePersist
	void assignIdIfNone() {
		id();
	}

	@Override
	public boolean isNew() {
		return fresh;
	}

	@PostLoad
	@PostPersist
	void markStored() {
		this.fresh = false;
	}

	/** For records whose id is another record's id (one-to-one extensions). */
	protected void assignId(UUID id) {
		this.id = id;
	}

	public UUID tenantId() {
		return tenantId;
	}

	public long version() {
		return version;
	}

	public Instant createdAt() {
		return createdAt;
	}

	public @Nullable UUID createdBy() {
		return createdBy;
	}

	public Instant updatedAt() {
		return updatedAt;
	}

	public @Nullable UUID updatedBy() {
		return updatedBy;
	}

	public boolean deleted() {
		return deletedAt != null;
	}

	public @Nullable Instant deletedAt() {
		return deletedAt;
	}

	public @Nullable String deleteReason() {
		return deleteReason;
	}

	/**
	 * Throws {@link ProblemException#versionConflict()} unless the caller saw the current
	 * version.
	 */
	public void requireVersion(long expected) {
		if (expected != version) {
			throw ProblemException.versionConflict();
		}
	}

	/** Soft delete: the row stays, hidden from lists, with who, when and why. */
	protected void markDeleted(Instant at, @Nullable UUID by, String reason) {
		this.deletedAt = at;
		this.deletedBy = by;
		this.deleteReason = reason;
	}

}
