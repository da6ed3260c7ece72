package io.prax.invoicing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import io.prax.access.AccessPolicy;
import io.prax.access.Permission;
import io.prax.access.RequiresPermission;
import io.prax.customer.CustomerManagement;
import io.prax.customer.CustomerView;
import io.prax.platform.Page;
import io.prax.identity.CurrentUser;
import io.prax.platform.ProblemException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

@Controller
@RequestMapping("/invoices")
class InvoiceController {

	private final InvoiceManagement invoices;

	private final CompanyManagement company;

	private final CustomerManagement customers;

	private final InvoicePdf pdf;

	private final AccessPolicy access;

	private final InvoiceLogo logo;

	InvoiceController(InvoiceManagement invoices, CompanyManagement company, CustomerManagement customers,
			InvoicePdf pdf, AccessPolicy access, InvoiceLogo logo) {
		this.invoices = invoices;
		this.company = company;
		this.customers = customers;
		this.pdf = pdf;
		this.access = access;
		this.logo = logo;
	}

	@GetMapping
	@RequiresPermission(Permission.INVOICES_VIEW)
	String list(@RequestParam(required = false) @Nullable String status,
			@RequestParam(required = false) @Nullable UUID customerId,
			@RequestParam(required = false) @Nullable String overdue,
			@RequestParam(required = false) @Nullable String cursor,
			@RequestHeader(value = "HX-Request", required = false) @Nullable String htmx, Model model) {
		Boolean late = "true".equals(overdue) ? Boolean.TRUE : null;
		InvoiceManagement.Filter filter = InvoiceApiController.filter(status, customerId, late);
		model.addAttribute("activeNav", "invoices");
		model.addAttribute("status", filter.status() == null ? null : filter.status().name());
		model.addAttribute("customerId", customerId);
		model.addAttribute("overdue", late);
		model.addAttribute("page", invoices.list(filter, cursor, null));
		model.addAttribute("totals", invoices.totals(filter));
		model.addAttribute("customers", customerChoices());
		model.addAttribute("portal", CurrentUser.require().isCustomer());
		model.addAttribute("canCreate", access.can(Permission.INVOICES_CREATE) && !CurrentUser.require().isCustomer());
		model.addAttribute("canExport", access.can(Permission.INVOICES_EXPORT) && !CurrentUser.require().isCustomer());
		return htmx != null && cursor != null ? "invoicing/list :: rows" : "invoicing/list";
	}

	@GetMapping("/export.csv")
	@RequiresPermission(Permission.INVOICES_EXPORT)
	ResponseEntity<byte[]> export(@RequestParam(required = false) @Nullable String status,
			@RequestParam(required = false) @Nullable UUID customerId,
			@RequestParam(required = false) @Nullable String overdue) {
		return InvoiceCsv.export(invoices,
				InvoiceApiController.filter(status, customerId, "true".equals(overdue) ? Boolean.TRUE : null));
	}

	@GetMapping("/new")
	@RequiresPermission(Permission.INVOICES_CREATE)
	String newForm(@RequestParam(required = false) @Nullable String customerId, Model model) {
		var details = company.find();
		return form(model, null,
				InvoiceForm.empty(customerId, details.map(CompanyView::defaultCurrency).orElse("EUR"), null), Map.of(),
				null);
	}

	@PostMapping
	@RequiresPermission(Permission.INVOICES_CREATE)
	String create(HttpServletRequest request, @RequestParam(required = false) @Nullable String action, Model model,
			RedirectAttributes redirect) {
		InvoiceForm form = InvoiceForm.from(request);
		if (action != null && !action.equals("save")) {
			return form(model, null, edited(form, action), Map.of(), null);
		}
		Map<String, String> errors = new LinkedHashMap<>();
		InvoiceInput input = form.input(errors);
		try {
			if (!errors.isEmpty()) {
				throw ProblemException.validation(errors);
			}
			InvoiceView created = invoices.create(input);
			redirect.addFlashAttribute("flash", "Draft saved");
			return "redirect:/invoices/" + created.id();
		}
		catch (ProblemException ex) {
			return failed(model, null, form, ex, errors);
		}
	}

	/** Live totals of the editor, computed on the server (htmx). */
	@PostMapping("/preview")
	@RequiresPermission(Permission.INVOICES_CREATE)
	String preview(HttpServletRequest request, Model model) {
		InvoiceForm form = InvoiceForm.from(request);
		Map<String, String> errors = new LinkedHashMap<>();
		InvoiceInput input = form.input(errors);
		model.addAttribute("doc", invoices.preview(input));
		return "invoicing/form :: totals";
	}

	@GetMapping("/{id}")
	@RequiresPermission(Permission.INVOICES_VIEW)
	String detail(@PathVariable UUID id, Model model) {
		InvoiceView invoice = invoices.get(new InvoiceId(id));
		boolean staff = !CurrentUser.require().isCustomer();
		boolean draft = invoice.status() == InvoiceStatus.DRAFT;
		boolean issued = invoice.status() == InvoiceStatus.ISSUED;
		model.addAttribute("activeNav", "invoices");
		model.addAttribute("invoice", invoice);
		model.addAttribute("logo", logo.dataUri(invoice.seller()).orElse(null));
		model.addAttribute("portal", !staff);
		model.addAttribute("canEdit", staff && draft && access.can(Permission.INVOICES_EDIT));
		model.addAttribute("canDelete", staff && draft && access.can(Permission.INVOICES_DELETE));
		model.addAttribute("canIssue", staff && draft && access.can(Permission.INVOICES_ISSUE));
		model.addAttribute("canPay",
				staff && issued && !invoice.isCreditNote() && access.can(Permission.INVOICES_EDIT));
		model.addAttribute("canVoid", staff && issued && !invoice.isCreditNote() && invoice.payments().isEmpty()
				&& invoice.creditNotes().isEmpty() && access.can(Permission.INVOICES_VOID));
		model.addAttribute("canCredit", staff && !invoice.isCreditNote()
				&& (issued || invoice.status() == InvoiceStatus.PAID) && access.can(Permission.INVOICES_ISSUE));
		model.addAttribute("canViewHistory", staff && access.can(Permission.AUDIT_VIEW));
		model.addAttribute("today", invoices.today());
		return "invoicing/detail";
	}

	@GetMapping("/{id}/pdf")
	@RequiresPermission(Permission.INVOICES_VIEW)
	ResponseEntity<byte[]> pdf(@PathVariable UUID id) {
		InvoiceView invoice = invoices.document(new InvoiceId(id));
		return InvoiceApiController.pdfAnswer(invoice, pdf.render(invoice));
	}

	@GetMapping("/{id}/edit")
	@RequiresPermission(Permission.INVOICES_EDIT)
	String editForm(@PathVariable UUID id, Model model, RedirectAttributes redirect) {
		InvoiceView invoice = invoices.get(new InvoiceId(id));
		if (invoice.status() != InvoiceStatus.DRAFT) {
			redirect.addFlashAttribute("flash", "This invoice is locked; corrections go through a credit note");
			return "redirect:/invoices/" + id;
		}
		return form(model, id, InvoiceForm.of(invoice), Map.of(), null);
	}

	@PostMapping("/{id}")
	@RequiresPermission(Permission.INVOICES_EDIT)
	String update(@PathVariable UUID id, HttpServletRequest request,
			@RequestParam(required = false) @Nullable String action, Model model, RedirectAttributes redirect) {
		InvoiceForm form = InvoiceForm.from(request);
		if (action != null && !action.equals("save")) {
			return form(model, id, edited(form, action), Map.of(), null);
		}
		Map<String, String> errors = new LinkedHashMap<>();
		InvoiceChange change = form.change(errors);
		try {
			if (!errors.isEmpty()) {
				throw ProblemException.validation(errors);
			}
			invoices.update(new InvoiceId(id), change);
			redirect.addFlashAttribute("flash", "Draft saved");
			return "redirect:/invoices/" + id;
		}
		catch (ProblemException ex) {
			if (ex.status().value() == 423) {
				redirect.addFlashAttribute("flash", ex.getMessage());
				return "redirect:/invoices/" + id;
			}
			return failed(model, id, form, ex, errors);
		}
	}

	@PostMapping("/{id}/delete")
	@RequiresPermission(Permission.INVOICES_DELETE)
	String delete(@PathVariable UUID id, @RequestParam(required = false) @Nullable Long version,
			@RequestParam(required = false) @Nullable String reason, RedirectAttributes redirect) {
		return act(id, redirect, "Draft deleted", () -> invoices.delete(new InvoiceId(id), version, reason), true);
	}

	@PostMapping("/{id}/issue")
	@RequiresPermission(Permission.INVOICES_ISSUE)
	String issue(@PathVariable UUID id, RedirectAttributes redirect) {
		return act(id, redirect, "Invoice issued", () -> invoices.issue(new InvoiceId(id)), false);
	}

	@PostMapping("/{id}/payments")
	@RequiresPermission(Permission.INVOICES_EDIT)
	String pay(@PathVariable UUID id, @RequestParam(required = false) @Nullable String amount,
			@RequestParam(required = false) @Nullable String paidOn, RedirectAttributes redirect) {
		return act(id, redirect, "Payment recorded", () -> {
			java.math.BigDecimal value;
			java.time.LocalDate day;
			try {
				value = amount == null || amount.isBlank() ? null
						: new java.math.BigDecimal(amount.strip().replace(",", ""));
				day = paidOn == null || paidOn.isBlank() ? null : java.time.LocalDate.parse(paidOn);
			}
			catch (NumberFormatException | java.time.format.DateTimeParseException ex) {
				throw ProblemException
					.validation(Map.of("amount", "Enter the amount as a number and the day as a date"));
			}
			invoices.recordPayment(new InvoiceId(id), new PaymentInput(value, day));
		}, false);
	}

	@PostMapping("/{id}/void")
	@RequiresPermission(Permission.INVOICES_VOID)
	String voidInvoice(@PathVariable UUID id, @RequestParam(required = false) @Nullable String reason,
			RedirectAttributes redirect) {
		return act(id, redirect, "Invoice voided", () -> invoices.voidInvoice(new InvoiceId(id), reason), false);
	}

	@PostMapping("/{id}/credit-notes")
	@RequiresPermission(Permission.INVOICES_ISSUE)
	String creditNote(@PathVariable UUID id, @RequestParam(required = false) @Nullable String reason,
			@RequestParam(name = "line", required = false) @Nullable List<Integer> lines, RedirectAttributes redirect) {
		try {
			InvoiceView note = invoices.creditNote(new InvoiceId(id), new CreditNoteInput(reason, lines));
			redirect.addFlashAttribute("flash", "Credit note " + note.number() + " issued");
			return "redirect:/invoices/" + note.id();
		}
		catch (ProblemException ex) {
			if (ex.status().value() == 404) {
				throw ex;
			}
			redirect.addFlashAttribute("flash", "Not done: " + firstMessage(ex));
			return "redirect:/invoices/" + id;
		}
	}

	private String act(UUID id, RedirectAttributes redirect, String done, Runnable action, boolean toList) {
		try {
			action.run();
			redirect.addFlashAttribute("flash", done);
			return toList ? "redirect:/invoices" : "redirect:/invoices/" + id;
		}
		catch (ProblemException ex) {
			if (ex.status().value() == 404) {
				throw ex;
			}
			redirect.addFlashAttribute("flash", "Not done: " + firstMessage(ex));
			return "redirect:/invoices/" + id;
		}
	}

	/** Add or remove an editor row without saving. */
	private static InvoiceForm edited(InvoiceForm form, String action) {
		List<InvoiceForm.Row> rows = new ArrayList<>(form.rows());
		if (action.equals("add-line")) {
			String rate = rows.isEmpty() ? "" : rows.get(rows.size() - 1).taxRate();
			rows.add(new InvoiceForm.Row("", "1", "", rate));
		}
		else if (action.startsWith("remove-")) {
			try {
				int index = Integer.parseInt(action.substring("remove-".length()));
				if (index >= 0 && index < rows.size()) {
					rows.remove(index);
				}
			}
			catch (NumberFormatException ignored) {
				// an unknown button changes nothing
			}
		}
		if (rows.isEmpty()) {
			rows.add(InvoiceForm.Row.empty());
		}
		return form.withRows(rows);
	}

	private String failed(Model model, @Nullable UUID id, InvoiceForm form, ProblemException ex,
			Map<String, String> parseErrors) {
		if (ex.status().value() == 404 || ex.status().value() == 403) {
			throw ex;
		}
		Map<String, String> errors = new LinkedHashMap<>(parseErrors);
		ex.fieldErrors().forEach(errors::putIfAbsent);
		String error = errors.isEmpty() ? ex.getMessage() : "Please correct the marked fields.";
		return form(model, id, form, errors, error);
	}

	private String form(Model model, @Nullable UUID id, InvoiceForm form, Map<String, String> errors,
			@Nullable String error) {
		model.addAttribute("activeNav", "invoices");
		model.addAttribute("invoiceId", id);
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("error", error);
		model.addAttribute("customers", customerChoices());
		model.addAttribute("companyMissing", company.find().isEmpty());
		Map<String, String> lineErrors = new LinkedHashMap<>();
		errors.forEach((key, message) -> {
			if (key.startsWith("lines[")) {
				lineErrors.put(key, message);
			}
		});
		model.addAttribute("lineErrors", lineErrors);
		Map<String, String> errorsForPreview = new LinkedHashMap<>();
		model.addAttribute("doc", invoices.preview(form.input(errorsForPreview)));
		return "invoicing/form";
	}

	private List<CustomerView> customerChoices() {
		if (CurrentUser.require().isCustomer() || !access.can(Permission.CUSTOMERS_VIEW)) {
			return List.of();
		}
		Page<CustomerView> page = customers.list(null, null, Page.MAX_LIMIT);
		return page.items();
	}

	private static String firstMessage(ProblemException ex) {
		return ex.fieldErrors().values().stream().findFirst().orElse(ex.getMessage());
	}

}
