package io.prax.customer;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import io.prax.platform.TenantRecord;
import org.hibernate.annotations.SQLRestriction;
import org.jspecify.annotations.Nullable;

@Entity
@SQLRestriction("deleted_at is null")
@Table(name = "contact")
class Contact extends TenantRecord {

	private UUID customerId;

	private String name;

	private @Nullable String email;

	private @Nullable String phone;

	private @Nullable String position;

	protected Contact() {
	}

	Contact(UUID customerId, String name) {
		this.customerId = customerId;
		this.name = name;
	}

	UUID customerId() {
		return customerId;
	}

	String name() {
		return name;
	}

	@Nullable String email() {
		return email;
	}

	@Nullable String phone() {
		return phone;
	}

	@Nullable String position() {
		return position;
	}

	void update(String name, @Nullable String email, @Nullable String phone, @Nullable String position) {
		this.name = name;
		this.email = email;
		this.phone = phone;
		this.position = position;
	}

	void delete(Instant at, @Nullable UUID by, String reason) {
		markDeleted(at, by, reason);
	}

	ContactView view() {
		return new ContactView(id(), customerId, name, email, phone, position, version(), createdAt(), createdBy(),
				updatedAt(), updatedBy());
	}

}
