package io.prax.invoicing;

import static io.prax.platform.Text.clean;

import static io.prax.platform.Validation.checked;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import io.prax.platform.ProblemException;
import io.prax.tenancy.TenantContext;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The tenant's company details (a tenant setting): seller block, currency, terms and bank
 * details of its invoices.
 */
@Service
public class CompanyManagement {

	private final Companies companies;

	private final RequestValidation validation;

	private final InvoiceLogo logo;

	CompanyManagement(Companies companies, RequestValidation validation, InvoiceLogo logo) {
		this.companies = companies;
		this.validation = validation;
		this.logo = logo;
	}

	/** The details, or empty before an administrator entered them. */
	@Transactional(readOnly = true)
	public Optional<CompanyView> find() {
		return companies.findById(TenantContext.require().value()).map(CompanyDetails::view);
	}

	/** Replaces the details; a stale {@code version} answers 409. */
	@Transactional
	public CompanyView replace(CompanyInput input) {
		validation.check(input);
		if (input.logoDocumentId() != null && logo.usable(input.logoDocumentId()).isEmpty()) {
			throw ProblemException.validation(Map.of("logoDocumentId",
					"Choose a PNG or JPEG image of at most 1 MB uploaded to the company's documents"));
		}
		CompanyDetails details = companies.findById(TenantContext.require().value())
			.orElseGet(() -> new CompanyDetails(TenantContext.require().value()));
		if (input.version() != null && !details.isNew()) {
			details.requireVersion(input.version());
		}
		PostalAddress a = input.address() == null ? PostalAddress.EMPTY : input.address();
		String country = clean(a.country());
		details.replace(checked(input.name()).strip(),
				new PostalAddress(clean(a.line1()), clean(a.line2()), clean(a.postalCode()), clean(a.city()),
						clean(a.region()), country == null ? null : country.toUpperCase(Locale.ROOT)),
				clean(input.taxId()), clean(input.email()), clean(input.phone()), checked(input.defaultCurrency()),
				checked(input.paymentTermsDays()), clean(input.bankDetails()),
				input.invoiceNumberPrefix() == null ? "" : input.invoiceNumberPrefix(), input.logoDocumentId());
		return companies.saveAndFlush(details).view();
	}

	static ProblemException missing() {
		return new ProblemException(org.springframework.http.HttpStatus.CONFLICT, "company_details_missing",
				"Enter your company details (Admin → Company) before issuing invoices: they are printed on every invoice");
	}

}
