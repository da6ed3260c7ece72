package io.prax.customer;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.prax.access.AccessPolicy;
import io.prax.access.Permission;
import io.prax.access.RequiresPermission;
import io.prax.platform.Forms;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

@Controller
@RequestMapping("/customers")
class CustomerController {

	private final CustomerManagement customers;

	private final CustomerContacts contacts;

	private final AccessPolicy access;

	CustomerController(CustomerManagement customers, CustomerContacts contacts, AccessPolicy access) {
		this.customers = customers;
		this.contacts = contacts;
		this.access = access;
	}

	/** The customer form as the page posts it: flat fields. */
	record CustomerForm(@Nullable String name, @Nullable String email, @Nullable String phone, @Nullable String taxId,
			@Nullable String line1, @Nullable String line2, @Nullable String postalCode, @Nullable String city,
			@Nullable String region, @Nullable String country, @Nullable Long version, @Nullable String reason) {

		static CustomerForm empty() {
			return new CustomerForm(null, null, null, null, null, null, null, null, null, null, null, null);
		}

		static CustomerForm of(CustomerView c) {
			Address a = c.billingAddress();
			return new CustomerForm(c.name(), c.email(), c.phone(), c.taxId(), a.line1(), a.line2(), a.postalCode(),
					a.city(), a.region(), a.country(), c.version(), null);
		}

		/** Every field is sent by the page, so blanks clear values on update. */
		CustomerInput input() {
			return new CustomerInput(nz(name), nz(email), nz(phone), nz(taxId),
					new Address(nz(line1), nz(line2), nz(postalCode), nz(city), nz(region), nz(country)), version,
					reason);
		}

		private static String nz(@Nullable String value) {
			return value == null ? "" : value;
		}
	}

	record ContactForm(@Nullable String name, @Nullable String email, @Nullable String phone,
			@Nullable String position) {

		static ContactForm empty() {
			return new ContactForm(null, null, null, null);
		}
	}

	@GetMapping
	@RequiresPermission(Permission.CUSTOMERS_VIEW)
	String list(@RequestParam(required = false) @Nullable String q,
			@RequestParam(required = false) @Nullable String cursor,
			@RequestParam(required = false) @Nullable String sort,
			@RequestHeader(value = "HX-Request", required = false) @Nullable String htmx, Model model) {
		CustomerOrder order = CustomerOrder.parse(sort);
		model.addAttribute("activeNav", "customers");
		model.addAttribute("q", q);
		model.addAttribute("sort", order.param());
		model.addAttribute("page", customers.list(q, cursor, null, order));
		model.addAttribute("canCreate", access.can(Permission.CUSTOMERS_CREATE));
		return htmx != null ? "customer/list :: rows" : "customer/list";
	}

	@GetMapping("/new")
	@RequiresPermission(Permission.CUSTOMERS_CREATE)
	String newForm(Model model) {
		return form(model, null, CustomerForm.empty(), null);
	}

	@PostMapping
	@RequiresPermission(Permission.CUSTOMERS_CREATE)
	String create(@ModelAttribute CustomerForm form, Model model, RedirectAttributes redirect) {
		return Forms.submit(() -> {
			CustomerView created = customers.create(form.input());
			redirect.addFlashAttribute("flash", "Customer “" + created.name() + "” created");
			return "redirect:/customers/" + created.id();
		}, failure -> form(model, null, form, failure));
	}

	@GetMapping("/{id}")
	@RequiresPermission(Permission.CUSTOMERS_VIEW)
	String detail(@PathVariable UUID id, Model model) {
		return detailPage(model, customers.get(new CustomerId(id)), ContactForm.empty(), Map.of());
	}

	@GetMapping("/{id}/edit")
	@RequiresPermission({ Permission.CUSTOMERS_VIEW, Permission.CUSTOMERS_EDIT })
	String editForm(@PathVariable UUID id, Model model) {
		return form(model, id, CustomerForm.of(customers.get(new CustomerId(id))), null);
	}

	@PostMapping("/{id}")
	@RequiresPermission(Permission.CUSTOMERS_EDIT)
	String update(@PathVariable UUID id, @ModelAttribute CustomerForm form, Model model, RedirectAttributes redirect) {
		return Forms.submit(() -> {
			customers.update(new CustomerId(id), form.input());
			redirect.addFlashAttribute("flash", "Customer saved");
			return "redirect:/customers/" + id;
		}, failure -> form(model, id, form, failure));
	}

	@PostMapping("/{id}/delete")
	@RequiresPermission(Permission.CUSTOMERS_DELETE)
	String delete(@PathVariable UUID id, @RequestParam(required = false) @Nullable Long version,
			@RequestParam(required = false) @Nullable String reason, RedirectAttributes redirect) {
		return Forms.submit(() -> {
			customers.delete(new CustomerId(id), version, reason);
			redirect.addFlashAttribute("flash", "Customer deleted");
			return "redirect:/customers";
		}, redirect, "Not deleted: ", "redirect:/customers/" + id);
	}

	@PostMapping("/{id}/contacts")
	@RequiresPermission(Permission.CONTACTS_CREATE)
	String addContact(@PathVariable UUID id, @ModelAttribute ContactForm form, Model model,
			RedirectAttributes redirect) {
		return Forms.submit(() -> {
			contacts.addContact(new CustomerId(id),
					new ContactInput(form.name(), form.email(), form.phone(), form.position(), null, null));
			redirect.addFlashAttribute("flash", "Contact added");
			return "redirect:/customers/" + id;
		}, failure -> {
			if (failure.fields().isEmpty()) {
				model.addAttribute("flash", "Not added: " + failure.message());
			}
			return detailPage(model, customers.get(new CustomerId(id)), form, failure.fields());
		});
	}

	@PostMapping("/{id}/contacts/{contactId}")
	@RequiresPermission(Permission.CONTACTS_EDIT)
	String updateContact(@PathVariable UUID id, @PathVariable UUID contactId, @ModelAttribute ContactForm form,
			@RequestParam(required = false) @Nullable Long version, RedirectAttributes redirect) {
		return Forms.submit(() -> {
			contacts.updateContact(new CustomerId(id), new ContactId(contactId), new ContactInput(nz(form.name()),
					nz(form.email()), nz(form.phone()), nz(form.position()), version, null));
			redirect.addFlashAttribute("flash", "Contact saved");
			return "redirect:/customers/" + id;
		}, redirect, "Not saved: ", "redirect:/customers/" + id);
	}

	private static String nz(@Nullable String value) {
		return value == null ? "" : value;
	}

	@PostMapping("/{id}/contacts/{contactId}/delete")
	@RequiresPermission(Permission.CONTACTS_DELETE)
	String deleteContact(@PathVariable UUID id, @PathVariable UUID contactId,
			@RequestParam(required = false) @Nullable Long version,
			@RequestParam(required = false) @Nullable String reason, RedirectAttributes redirect) {
		return Forms.submit(() -> {
			contacts.deleteContact(new CustomerId(id), new ContactId(contactId), version, reason);
			redirect.addFlashAttribute("flash", "Contact removed");
			return "redirect:/customers/" + id;
		}, redirect, "Not removed: ", "redirect:/customers/" + id);
	}

	private String detailPage(Model model, CustomerView customer, ContactForm contactForm,
			Map<String, String> contactErrors) {
		model.addAttribute("activeNav", "customers");
		model.addAttribute("customer", customer);
		boolean canViewContacts = access.can(Permission.CONTACTS_VIEW);
		model.addAttribute("canViewContacts", canViewContacts);
		model.addAttribute("contacts", canViewContacts ? contacts.contacts(new CustomerId(customer.id())) : List.of());
		model.addAttribute("canEdit", access.can(Permission.CUSTOMERS_EDIT));
		model.addAttribute("canDelete", access.can(Permission.CUSTOMERS_DELETE));
		model.addAttribute("canAddContact", access.can(Permission.CONTACTS_CREATE));
		model.addAttribute("canDeleteContact", access.can(Permission.CONTACTS_DELETE));
		model.addAttribute("canEditContact", access.can(Permission.CONTACTS_EDIT));
		model.addAttribute("contactForm", contactForm);
		model.addAttribute("contactErrors", contactErrors);
		return "customer/detail";
	}

	/**
	 * The form, again with {@code failure} when a submission failed; the page names
	 * address fields flat.
	 */
	private String form(Model model, @Nullable UUID id, CustomerForm form, Forms.@Nullable Failure failure) {
		Forms.Failure shown = failure == null ? null : failure.renamed(field -> field.replace("billingAddress.", ""));
		model.addAttribute("activeNav", "customers");
		model.addAttribute("customerId", id);
		model.addAttribute("form", form);
		model.addAttribute("errors", shown == null ? Map.of() : shown.fields());
		model.addAttribute("error", shown == null ? null : shown.message());
		return "customer/form";
	}

}
