package io.prax.invoicing;

import io.prax.platform.Initializer;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import io.prax.platform.TenantRecord;
import org.jspecify.annotations.Nullable;

/** The one row of company details per tenant; its id is the tenant's id. */
@Entity
@Table(name = "company_details")
class CompanyDetails extends TenantRecord {

	private String name;

	private @Nullable String addressLine1;

	private @Nullable String addressLine2;

	private @Nullable String addressPostalCode;

	private @Nullable String addressCity;

	private @Nullable String addressRegion;

	private @Nullable String addressCountry;

	private @Nullable String taxId;

	private @Nullable String email;

	private @Nullable String phone;

	private String defaultCurrency;

	private int paymentTermsDays;

	private @Nullable String bankDetails;

	private String invoiceNumberPrefix = "";

	private @Nullable UUID logoDocumentId;

	protected CompanyDetails() {
	}

	CompanyDetails(UUID tenant) {
		assignId(tenant);
	}

	@Initializer
	void replace(String name, PostalAddress address, @Nullable String taxId, @Nullable String email,
			@Nullable String phone, String defaultCurrency, int paymentTermsDays, @Nullable String bankDetails,
			String invoiceNumberPrefix, @Nullable UUID logoDocumentId) {
		this.name = name;
		this.addressLine1 = address.line1();
		this.addressLine2 = address.line2();
		this.addressPostalCode = address.postalCode();
		this.addressCity = address.city();
		this.addressRegion = address.region();
		this.addressCountry = address.country();
		this.taxId = taxId;
		this.email = email;
		this.phone = phone;
		this.defaultCurrency = defaultCurrency;
		this.paymentTermsDays = paymentTermsDays;
		this.bankDetails = bankDetails;
		this.invoiceNumberPrefix = invoiceNumberPrefix;
		this.logoDocumentId = logoDocumentId;
	}

	CompanyView view() {
		return new CompanyView(name,
				new PostalAddress(addressLine1, addressLine2, addressPostalCode, addressCity, addressRegion,
						addressCountry),
				taxId, email, phone, defaultCurrency, paymentTermsDays, bankDetails, invoiceNumberPrefix,
				logoDocumentId, version(), updatedAt(), updatedBy());
	}

}
