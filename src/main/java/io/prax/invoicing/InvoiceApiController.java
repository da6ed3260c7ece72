package io.prax.invoicing;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.prax.access.Permission;
import io.prax.access.RequiresPermission;
import io.prax.platform.Page;
import io.prax.platform.ProblemException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Invoices", description = "Invoices and credit notes, frozen when issued")
@RequestMapping("/api/v1/invoices")
class InvoiceApiController {

	private final InvoiceManagement invoices;

	private final InvoicePdf pdf;

	InvoiceApiController(InvoiceManagement invoices, InvoicePdf pdf) {
		this.invoices = invoices;
		this.pdf = pdf;
	}

	/** Body of a DELETE or void: the reason is required, the version optional. */
	record Reason(@Nullable String reason, @Nullable Long version) {
	}

	record Totals(List<InvoiceManagement.CurrencyTotal> items) {
	}

	@GetMapping
	@Operation(summary = "List invoices (filters: status, customer, overdue)")
	@RequiresPermission(Permission.INVOICES_VIEW)
	Page<InvoiceView> list(@RequestParam(required = false) @Nullable String status,
			@RequestParam(required = false) @Nullable UUID customerId,
			@RequestParam(required = false) @Nullable Boolean overdue,
			@RequestParam(required = false) @Nullable String cursor,
			@RequestParam(required = false) @Nullable Integer limit) {
		return invoices.list(filter(status, customerId, overdue), cursor, limit);
	}

	@GetMapping("/totals")
	@Operation(summary = "Open, overdue and paid totals per currency")
	@RequiresPermission(Permission.INVOICES_VIEW)
	Totals totals(@RequestParam(required = false) @Nullable String status,
			@RequestParam(required = false) @Nullable UUID customerId,
			@RequestParam(required = false) @Nullable Boolean overdue) {
		return new Totals(invoices.totals(filter(status, customerId, overdue)));
	}

	@GetMapping("/export.csv")
	@Operation(summary = "Export the filtered invoice list as CSV")
	@RequiresPermission(Permission.INVOICES_EXPORT)
	ResponseEntity<byte[]> export(@RequestParam(required = false) @Nullable String status,
			@RequestParam(required = false) @Nullable UUID customerId,
			@RequestParam(required = false) @Nullable Boolean overdue) {
		return InvoiceCsv.export(invoices, filter(status, customerId, overdue));
	}

	@PostMapping
	@Operation(summary = "Create a draft invoice")
	@RequiresPermission(Permission.INVOICES_CREATE)
	ResponseEntity<InvoiceView> create(@RequestBody InvoiceInput input) {
		InvoiceView created = invoices.create(input);
		return ResponseEntity.created(URI.create("/api/v1/invoices/" + created.id())).body(created);
	}

	@GetMapping("/{id}")
	@Operation(summary = "Get an invoice (issued ones from their frozen snapshot)")
	@RequiresPermission(Permission.INVOICES_VIEW)
	InvoiceView get(@PathVariable UUID id) {
		return invoices.get(new InvoiceId(id));
	}

	@PatchMapping("/{id}")
	@Operation(summary = "Change a draft (optimistic: send the version read); 423 once issued")
	@RequiresPermission(Permission.INVOICES_EDIT)
	InvoiceView update(@PathVariable UUID id, @RequestBody InvoiceChange change) {
		return invoices.update(new InvoiceId(id), change);
	}

	@DeleteMapping("/{id}")
	@Operation(summary = "Delete a draft, with a reason; 423 once issued")
	@RequiresPermission(Permission.INVOICES_DELETE)
	ResponseEntity<Void> delete(@PathVariable UUID id, @RequestBody(required = false) @Nullable Reason body,
			@RequestParam(required = false) @Nullable String reason) {
		invoices.delete(new InvoiceId(id), body == null ? null : body.version(),
				body != null && body.reason() != null ? body.reason() : reason);
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/{id}/issue")
	@Operation(summary = "Issue a draft: next gapless number, frozen snapshot, record locked")
	@RequiresPermission(Permission.INVOICES_ISSUE)
	InvoiceView issue(@PathVariable UUID id) {
		return invoices.issue(new InvoiceId(id));
	}

	@PostMapping("/{id}/payments")
	@Operation(summary = "Record a payment (fully paid moves it to PAID)")
	@RequiresPermission(Permission.INVOICES_EDIT)
	InvoiceView pay(@PathVariable UUID id, @RequestBody PaymentInput input) {
		return invoices.recordPayment(new InvoiceId(id), input);
	}

	@PostMapping("/{id}/void")
	@Operation(summary = "Void an issued invoice, with a reason")
	@RequiresPermission(Permission.INVOICES_VOID)
	InvoiceView voidInvoice(@PathVariable UUID id, @RequestBody(required = false) @Nullable Reason body) {
		return invoices.voidInvoice(new InvoiceId(id), body == null ? null : body.reason());
	}

	@PostMapping("/{id}/credit-notes")
	@Operation(summary = "Create a credit note reversing the whole invoice or some lines")
	@RequiresPermission(Permission.INVOICES_ISSUE)
	ResponseEntity<InvoiceView> creditNote(@PathVariable UUID id, @RequestBody CreditNoteInput input) {
		InvoiceView note = invoices.creditNote(new InvoiceId(id), input);
		return ResponseEntity.created(URI.create("/api/v1/invoices/" + note.id())).body(note);
	}

	@GetMapping("/{id}/pdf")
	@Operation(summary = "Download the invoice as PDF")
	@RequiresPermission(Permission.INVOICES_VIEW)
	ResponseEntity<byte[]> pdf(@PathVariable UUID id) {
		InvoiceView invoice = invoices.document(new InvoiceId(id));
		return pdfAnswer(invoice, pdf.render(invoice));
	}

	static ResponseEntity<byte[]> pdfAnswer(InvoiceView invoice, byte[] bytes) {
		String name = (invoice.number() == null ? "draft-" + invoice.id() : invoice.number()) + ".pdf";
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
			.header("X-Content-Type-Options", "nosniff")
			.body(bytes);
	}

	static InvoiceManagement.Filter filter(@Nullable String status, @Nullable UUID customerId,
			@Nullable Boolean overdue) {
		InvoiceStatus parsed = null;
		if (status != null && !status.isBlank()) {
			try {
				parsed = InvoiceStatus.valueOf(status.strip().toUpperCase(java.util.Locale.ROOT));
			}
			catch (IllegalArgumentException ex) {
				throw ProblemException.validation(Map.of("status", "Use DRAFT, ISSUED, PAID or VOID"));
			}
		}
		return new InvoiceManagement.Filter(parsed, customerId, overdue);
	}

}
