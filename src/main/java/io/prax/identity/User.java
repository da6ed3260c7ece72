package io.prax.identity;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import io.prax.platform.CachedPerNode;
import io.prax.platform.TenantRecord;
import io.prax.tenancy.TenantId;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.jspecify.annotations.Nullable;

@Entity
@CachedPerNode
@Table(name = "app_user")
class User extends TenantRecord {

	private String email;

	private String name;

	@Enumerated(EnumType.STRING)
	private Tier tier;

	@JdbcTypeCode(SqlTypes.ARRAY)
	private List<String> roles = new ArrayList<>();

	private @Nullable UUID customerId;

	@Enumerated(EnumType.STRING)
	private UserStatus status;

	private @Nullable String passwordHash;

	private @Nullable Instant passwordChangedAt;

	protected User() {
	}

	User(String email, String name, Tier tier, List<String> roles, @Nullable UUID customerId) {
		this.email = email;
		this.name = name;
		this.tier = tier;
		this.roles = new ArrayList<>(roles);
		this.customerId = customerId;
		this.status = UserStatus.INVITED;
	}

	String email() {
		return email;
	}

	UserStatus status() {
		return status;
	}

	@Nullable String passwordHash() {
		return passwordHash;
	}

	void setPassword(String hash, Instant at) {
		this.passwordHash = hash;
		this.passwordChangedAt = at;
		if (status == UserStatus.INVITED) {
			this.status = UserStatus.ACTIVE;
		}
	}

	void change(String name, Tier tier, List<String> roles, @Nullable UUID customerId) {
		this.name = name;
		this.tier = tier;
		this.roles = new ArrayList<>(roles);
		this.customerId = customerId;
	}

	void deactivate() {
		this.status = UserStatus.DEACTIVATED;
	}

	/**
	 * A stronger hash of the same password (e.g. bcrypt to Argon2id); not a password
	 * change.
	 */
	void upgradeHash(String hash) {
		this.passwordHash = hash;
	}

	UserAccount account() {
		return new UserAccount(new UserId(id()), new TenantId(tenantId()), email, name, tier, List.copyOf(roles),
				customerId, status, version());
	}

}
