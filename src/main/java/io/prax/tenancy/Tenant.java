package io.prax.tenancy;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.prax.platform.CachedPerNode;

/** A customer company of Prax. A platform row: it has no tenant of its own. */
@Entity
@CachedPerNode
@Table(name = "tenant")
class Tenant {

	@Id
	private UUID id;

	private String slug;

	private String name;

	private String region;

	private String status;

	private Instant createdAt;

	protected Tenant() {
	}

	Tenant(UUID id, String slug, String name, String region, Instant createdAt) {
		this.id = id;
		this.slug = slug;
		this.name = name;
		this.region = region;
		this.status = "ACTIVE";
		this.createdAt = createdAt;
	}

	TenantInfo info() {
		return new TenantInfo(new TenantId(id), slug, name, region, status);
	}

}
