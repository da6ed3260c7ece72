package io.prax.invoicing;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.prax.access.AccessPolicy;
import io.prax.access.Permission;
import io.prax.access.RequiresPermission;
import io.prax.platform.ProblemException;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

@Controller
@RequestMapping("/admin/company")
class CompanyController {

	private final CompanyManagement company;

	private final AccessPolicy access;

	private final InvoiceLogo logo;

	CompanyController(CompanyManagement company, AccessPolicy access, InvoiceLogo logo) {
		this.company = company;
		this.access = access;
		this.logo = logo;
	}

	/** The company form as the page posts it: flat fields. */
	record CompanyForm(@Nullable String name, @Nullable String line1, @Nullable String line2,
			@Nullable String postalCode, @Nullable String city, @Nullable String region, @Nullable String country,
			@Nullable String taxId, @Nullable String email, @Nullable String phone, @Nullable String defaultCurrency,
			@Nullable String paymentTermsDays, @Nullable String bankDetails, @Nullable String invoiceNumberPrefix,
			@Nullable String logoDocumentId, @Nullable Long version) {

		static CompanyForm of(CompanyView c) {
			PostalAddress a = c.address();
			return new CompanyForm(c.name(), a.line1(), a.line2(), a.postalCode(), a.city(), a.region(), a.country(),
					c.taxId(), c.email(), c.phone(), c.defaultCurrency(), Integer.toString(c.paymentTermsDays()),
					c.bankDetails(), c.invoiceNumberPrefix(),
					c.logoDocumentId() == null ? null : c.logoDocumentId().toString(), c.version());
		}

		static CompanyForm empty() {
			return new CompanyForm(null, null, null, null, null, null, null, null, null, null, "EUR", "14", null, "",
					null, null);
		}

		CompanyInput input(Map<String, String> errors) {
			Integer terms = null;
			if (paymentTermsDays != null && !paymentTermsDays.isBlank()) {
				try {
					terms = Integer.valueOf(paymentTermsDays.strip());
				}
				catch (NumberFormatException ex) {
					errors.put("paymentTermsDays", "Enter a number of days");
				}
			}
			UUID logo = null;
			if (logoDocumentId != null && !logoDocumentId.isBlank()) {
				try {
					logo = UUID.fromString(logoDocumentId.strip());
				}
				catch (IllegalArgumentException ex) {
					errors.put("logoDocumentId", "Not a document id");
				}
			}
			return new CompanyInput(name, new PostalAddress(line1, line2, postalCode, city, region, country), taxId,
					email, phone,
					defaultCurrency == null ? null : defaultCurrency.strip().toUpperCase(java.util.Locale.ROOT), terms,
					bankDetails, invoiceNumberPrefix == null ? "" : invoiceNumberPrefix.strip(), logo, version);
		}
	}

	@GetMapping
	@RequiresPermission(Permission.SETTINGS_VIEW)
	String page(Model model) {
		return page(model, company.find().map(CompanyForm::of).orElseGet(CompanyForm::empty), Map.of(), null);
	}

	@PostMapping
	@RequiresPermission(Permission.SETTINGS_EDIT)
	String save(@ModelAttribute CompanyForm form, Model model, RedirectAttributes redirect) {
		Map<String, String> errors = new LinkedHashMap<>();
		CompanyInput input = form.input(errors);
		try {
			if (!errors.isEmpty()) {
				throw ProblemException.validation(errors);
			}
			company.replace(input);
			redirect.addFlashAttribute("flash", "Company details saved");
			return "redirect:/admin/company";
		}
		catch (ProblemException ex) {
			if (ex.fieldErrors().isEmpty() && ex.status().value() != 409) {
				throw ex;
			}
			Map<String, String> all = new LinkedHashMap<>(errors);
			ex.fieldErrors().forEach((field, message) -> all.putIfAbsent(field.replace("address.", ""), message));
			return page(model, form, all, all.isEmpty() ? ex.getMessage() : "Please correct the marked fields.");
		}
	}

	private String page(Model model, CompanyForm form, Map<String, String> errors, @Nullable String error) {
		model.addAttribute("activeNav", "admin-company");
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("error", error);
		model.addAttribute("canEdit", access.can(Permission.SETTINGS_EDIT));
		Optional<CompanyView> saved = company.find();
		model.addAttribute("configured", saved.isPresent());
		model.addAttribute("companyId", InvoiceLogo.company().id());
		// The documents that can be the logo: listing them needs documents:view as the
		// panel does.
		model.addAttribute("logoChoices", access.can(Permission.DOCUMENTS_VIEW) ? logo.choices() : List.of());
		model.addAttribute("logo", saved.map(CompanyView::logoDocumentId)
			.flatMap(id -> logo.dataUri(
					new InvoiceDocument.Party(null, "", PostalAddress.EMPTY, null, null, null, id.toString(), null)))
			.orElse(null));
		return "invoicing/company";
	}

}
