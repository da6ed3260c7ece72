package io.prax.customer;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import io.prax.platform.TenantRecord;
import org.hibernate.annotations.SQLRestriction;
import org.jspecify.annotations.Nullable;

@Entity
@SQLRestriction("deleted_at is null")
@Table(name = "customer")
class Customer extends TenantRecord {

	private String name;

	/**
	 * lower(name), computed by PostgreSQL (a generated column): mapped only so that lists
	 * can order and page by it, never written and never read from the entity.
	 */
	@Column(insertable = false, updatable = false)
	private @Nullable String nameKey;

	private @Nullable String email;

	private @Nullable String phone;

	private @Nullable String taxId;

	@Column(name = "billing_line1")
	private @Nullable String billingLine1;

	@Column(name = "billing_line2")
	private @Nullable String billingLine2;

	private @Nullable String billingPostalCode;

	private @Nullable String billingCity;

	private @Nullable String billingRegion;

	private @Nullable String billingCountry;

	protected Customer() {
	}

	Customer(String name) {
		this.name = name;
	}

	String name() {
		return name;
	}

	void rename(String name) {
		this.name = name;
	}

	void contact(@Nullable String email, @Nullable String phone, @Nullable String taxId) {
		this.email = email;
		this.phone = phone;
		this.taxId = taxId;
	}

	Address billingAddress() {
		return new Address(billingLine1, billingLine2, billingPostalCode, billingCity, billingRegion, billingCountry);
	}

	void billTo(Address address) {
		this.billingLine1 = address.line1();
		this.billingLine2 = address.line2();
		this.billingPostalCode = address.postalCode();
		this.billingCity = address.city();
		this.billingRegion = address.region();
		this.billingCountry = address.country();
	}

	void delete(Instant at, @Nullable UUID by, String reason) {
		markDeleted(at, by, reason);
	}

	CustomerView view() {
		return new CustomerView(id(), name, email, phone, taxId, billingAddress(), version(), createdAt(), createdBy(),
				updatedAt(), updatedBy());
	}

	@Nullable String email() {
		return email;
	}

	@Nullable String phone() {
		return phone;
	}

	@Nullable String taxId() {
		return taxId;
	}

}
