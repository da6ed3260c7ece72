package io.prax.invoicing;

import static java.util.Objects.requireNonNull;
import static io.prax.platform.Validation.checked;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;

import io.prax.platform.Text;
import io.prax.platform.Cursor;
import io.prax.approval.ApprovalGate;
import io.prax.audit.ReasonForChange;
import io.prax.customer.Address;
import io.prax.customer.CustomerId;
import io.prax.customer.CustomerManagement;
import io.prax.customer.CustomerView;
import io.prax.platform.Page;
import io.prax.identity.CurrentUser;
import io.prax.platform.ProblemException;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;

/**
 * Invoices and credit notes of the current tenant (F3): drafts, issuing with a gapless
 * number and a frozen snapshot (F16), payments, voiding and credit notes. Customer-portal
 * users see only their own account's issued invoices; anything else answers 404 for them.
 */
@Service
public class InvoiceManagement {

	private static final int DEFAULT_TERMS_DAYS = 14;

	private static final TypeReference<List<StoredLine>> LINES = new TypeReference<>() {
	};

	private final Invoices invoices;

	private final InvoicePayments payments;

	private final InvoiceNumbers numbers;

	private final CompanyManagement company;

	private final CustomerManagement customers;

	private final RequestValidation validation;

	private final EntityManager entityManager;

	private final InvoiceLogo logo;

	private final ApprovalGate approvals;

	private final Clock clock;

	InvoiceManagement(Invoices invoices, InvoicePayments payments, InvoiceNumbers numbers, CompanyManagement company,
			CustomerManagement customers, RequestValidation validation, EntityManager entityManager, InvoiceLogo logo,
			ApprovalGate approvals, Clock clock) {
		this.invoices = invoices;
		this.payments = payments;
		this.numbers = numbers;
		this.company = company;
		this.customers = customers;
		this.validation = validation;
		this.entityManager = entityManager;
		this.logo = logo;
		this.approvals = approvals;
		this.clock = clock;
	}

	/** List filters; each may be absent. */
	public record Filter(@Nullable InvoiceStatus status, @Nullable UUID customerId, @Nullable Boolean overdue) {

		public static final Filter NONE = new Filter(null, null, null);

	}

	/**
	 * Sums of the invoices a filter selects, per currency: billed, still open and
	 * overdue.
	 */
	public record CurrencyTotal(String currency, long count, String grossTotal, String openTotal, String overdueTotal) {
	}

	/** A line as stored on a draft (decimal strings, exact). */
	record StoredLine(String description, String quantity, String unitPrice, String taxRate,
			@Nullable Integer sourceLine) {

		InvoiceTotals.Line line() {
			return new InvoiceTotals.Line(description, new BigDecimal(quantity), new BigDecimal(unitPrice),
					new BigDecimal(taxRate), sourceLine);
		}

		static StoredLine of(InvoiceTotals.Line line) {
			return new StoredLine(line.description(), line.quantity().toPlainString(), line.unitPrice().toPlainString(),
					line.taxRate().toPlainString(), line.sourceLine());
		}
	}

	LocalDate today() {
		return LocalDate.now(clock.withZone(ZoneOffset.UTC));
	}

	@Transactional(readOnly = true)
	public Page<InvoiceView> list(Filter filter, @Nullable String cursor, @Nullable Integer limit) {
		int size = Page.limit(limit);
		UUID after = cursor == null || cursor.isBlank() ? null : Cursor.decodeId(cursor);
		Map<String, Object> parameters = new HashMap<>();
		StringBuilder jpql = new StringBuilder("select i from Invoice i where ").append(where(filter, parameters));
		if (after != null) {
			jpql.append(" and i.id < :after");
			parameters.put("after", after);
		}
		jpql.append(" order by i.id desc");
		TypedQuery<Invoice> query = entityManager.createQuery(jpql.toString(), Invoice.class).setMaxResults(size + 1);
		parameters.forEach(query::setParameter);
		List<Invoice> rows = query.getResultList();
		Map<UUID, Optional<CustomerView>> buyers = new HashMap<>();
		Optional<CompanyView> seller = company.find();
		LocalDate today = today();
		return Page.of(rows, size, i -> view(i, today, buyers, seller, false), i -> Cursor.ofId(i.id()));
	}

	@Transactional(readOnly = true)
	public List<CurrencyTotal> totals(Filter filter) {
		Map<String, Object> parameters = new HashMap<>();
		String where = where(filter, parameters);
		parameters.put("issuedState", InvoiceStatus.ISSUED);
		parameters.put("todayDate", today());
		parameters.put("draftState", InvoiceStatus.DRAFT);
		TypedQuery<Object[]> query = entityManager.createQuery("select i.currency, count(i), "
				+ "sum(case when i.status <> :draftState then i.grossTotal else 0 end), "
				+ "sum(case when i.status = :issuedState then i.grossTotal - i.paidTotal - i.creditedTotal else 0 end), "
				+ "sum(case when i.status = :issuedState and i.dueDate < :todayDate "
				+ "and i.grossTotal - i.paidTotal - i.creditedTotal > 0 "
				+ "then i.grossTotal - i.paidTotal - i.creditedTotal else 0 end) " + "from Invoice i where " + where
				+ " group by i.currency order by i.currency", Object[].class);
		parameters.forEach(query::setParameter);
		return query.getResultList().stream().map(row -> {
			String currency = (String) row[0];
			int digits = InvoiceTotals.minorUnit(currency);
			return new CurrencyTotal(currency, ((Number) row[1]).longValue(), money(decimal(row[2]), digits),
					money(decimal(row[3]), digits), money(decimal(row[4]), digits));
		}).toList();
	}

	private String where(Filter filter, Map<String, Object> parameters) {
		// Soft-deleted drafts are left out by the entity's @SQLRestriction.
		StringBuilder where = new StringBuilder("1 = 1");
		CurrentUser user = CurrentUser.require();
		if (user.isCustomer()) {
			where.append(" and i.customerId = :own and i.status <> :draftState");
			parameters.put("own", user.customerId() == null ? new UUID(0, 0) : user.customerId());
			parameters.put("draftState", InvoiceStatus.DRAFT);
		}
		if (filter.status() != null) {
			where.append(" and i.status = :status");
			parameters.put("status", filter.status());
		}
		if (filter.customerId() != null) {
			where.append(" and i.customerId = :customer");
			parameters.put("customer", filter.customerId());
		}
		if (filter.overdue() != null) {
			String overdue = "(i.status = :overdueState and i.dueDate < :overdueToday "
					+ "and i.grossTotal - i.paidTotal - i.creditedTotal > 0)";
			where.append(filter.overdue() ? " and " + overdue : " and not " + overdue);
			parameters.put("overdueState", InvoiceStatus.ISSUED);
			parameters.put("overdueToday", today());
		}
		return where.toString();
	}

	/**
	 * The invoice, or 404 when it does not exist, was deleted, or is not the caller's to
	 * see.
	 */
	@Transactional(readOnly = true)
	public InvoiceView get(InvoiceId id) {
		return view(find(id));
	}

	/** What the invoice shows, for the PDF: the snapshot once issued. */
	@Transactional(readOnly = true)
	public InvoiceView document(InvoiceId id) {
		return get(id);
	}

	/**
	 * The document a draft would be with these inputs, unsaved: the editor's live totals.
	 */
	@Transactional(readOnly = true)
	public InvoiceDocument preview(InvoiceInput input) {
		Map<String, String> errors = validation.errors(input);
		Optional<CompanyView> seller = company.find();
		String currency = input.currency() != null ? input.currency()
				: seller.map(CompanyView::defaultCurrency).orElse("EUR");
		if (errors.containsKey("currency")) {
			currency = seller.map(CompanyView::defaultCurrency).orElse("EUR");
		}
		List<InvoiceTotals.Line> lines = new ArrayList<>();
		List<LineInput> given = input.lines() == null ? List.of() : input.lines();
		for (int i = 0; i < given.size(); i++) {
			LineInput line = given.get(i);
			boolean valid = errors.keySet().stream().noneMatch(key -> key.startsWith("lines["))
					|| line.quantity() != null && line.unitPrice() != null && line.taxRate() != null;
			lines.add(new InvoiceTotals.Line(line.description() == null ? "" : line.description(),
					valid && line.quantity() != null ? line.quantity() : BigDecimal.ZERO,
					valid && line.unitPrice() != null ? line.unitPrice() : BigDecimal.ZERO,
					valid && line.taxRate() != null ? line.taxRate() : BigDecimal.ZERO, null));
		}
		InvoiceTotals.Computed totals = InvoiceTotals.compute(lines, currency);
		CustomerView buyer = input.customerId() == null ? null
				: customers.billingParty(new CustomerId(input.customerId())).orElse(null);
		LocalDate due = input.dueDate() != null ? input.dueDate() : defaultDue(input.issueDate(), seller);
		return document(InvoiceDocument.INVOICE, null, input.issueDate(), due, currency, totals, sellerOf(seller),
				buyerOf(buyer), null, seller, input.notes(), null);
	}

	@Transactional
	public InvoiceView create(InvoiceInput input) {
		staffOnly();
		Map<String, String> errors = validation.errors(input);
		Optional<CompanyView> seller = company.find();
		String currency = input.currency() != null ? input.currency()
				: seller.map(CompanyView::defaultCurrency).orElse(null);
		if (currency == null) {
			errors.putIfAbsent("currency", "Choose the currency (or enter your company's default currency)");
		}
		if (input.customerId() != null && customers.billingParty(new CustomerId(input.customerId())).isEmpty()) {
			errors.putIfAbsent("customerId", "No such customer");
		}
		LocalDate due = input.dueDate() != null ? input.dueDate() : defaultDue(input.issueDate(), seller);
		checkDates(input.issueDate(), due, errors);
		List<InvoiceTotals.Line> lines = errors.isEmpty() ? lines(input.lines(), checked(currency), errors) : List.of();
		if (!errors.isEmpty()) {
			throw ProblemException.validation(errors);
		}
		Invoice invoice = new Invoice(checked(input.customerId()), null);
		invoice.draft(checked(input.customerId()), checked(currency), input.issueDate(), due, Text.clean(input.notes()),
				Snapshots.JSON.writeValueAsString(lines.stream().map(StoredLine::of).toList()),
				InvoiceTotals.compute(lines, checked(currency)));
		return view(invoices.saveAndFlush(invoice));
	}

	/**
	 * Changes a draft; issued, paid and void invoices answer 423, a stale version 409.
	 */
	@Transactional
	public InvoiceView update(InvoiceId id, InvoiceChange change) {
		staffOnly();
		Invoice invoice = find(id);
		invoice.requireDraft();
		approvals.requireUnlocked("invoice", invoice.id());
		Map<String, String> errors = validation.errors(change);
		UUID customerId = change.customerId() != null ? change.customerId() : invoice.customerId();
		if (change.customerId() != null && customers.billingParty(new CustomerId(customerId)).isEmpty()) {
			errors.putIfAbsent("customerId", "No such customer");
		}
		String currency = change.currency() != null ? change.currency() : invoice.currency();
		LocalDate issueDate = change.issueDate() != null ? change.issueDate() : invoice.issueDate();
		LocalDate due = change.dueDate() != null ? change.dueDate() : invoice.dueDate();
		checkDates(issueDate, due, errors);
		List<InvoiceTotals.Line> lines = errors.isEmpty()
				? (change.lines() != null ? lines(change.lines(), currency, errors) : storedLines(invoice)) : List.of();
		if (!errors.isEmpty()) {
			throw ProblemException.validation(errors);
		}
		invoice.requireVersion(checked(change.version()));
		ReasonForChange.give(change.reason());
		invoice.draft(customerId, currency, issueDate, due,
				change.notes() != null ? Text.clean(change.notes()) : invoice.notes(),
				Snapshots.JSON.writeValueAsString(lines.stream().map(StoredLine::of).toList()),
				InvoiceTotals.compute(lines, currency));
		return view(invoices.saveAndFlush(invoice));
	}

	/** Soft-deletes a draft with a reason; issued invoices answer 423. */
	@Transactional
	public void delete(InvoiceId id, @Nullable Long version, @Nullable String reason) {
		staffOnly();
		Invoice invoice = find(id);
		invoice.requireDraft();
		approvals.requireUnlocked("invoice", invoice.id());
		String why = requireReason(reason, "Give a reason for the deletion");
		if (version != null) {
			invoice.requireVersion(version);
		}
		invoice.delete(Instant.now(clock), CurrentUser.require().id().value(), why);
		invoices.saveAndFlush(invoice);
	}

	/**
	 * Issues a draft: the next gapless number of the issue date's year, and the frozen
	 * snapshot of everything it shows with its SHA-256 (also in the audit event of this
	 * change).
	 */
	@Transactional
	public InvoiceView issue(InvoiceId id) {
		staffOnly();
		Invoice invoice = find(id);
		if (invoice.status().locked()) {
			throw new InvoiceStateConflict("This invoice is already " + invoice.status().name().toLowerCase());
		}
		List<InvoiceTotals.Line> lines = storedLines(invoice);
		if (lines.isEmpty()) {
			throw ProblemException.validation(Map.of("lines", "Add at least one line before issuing"));
		}
		approvals.requireApproved("invoice", invoice.id());
		CompanyView seller = company.find().orElseThrow(CompanyManagement::missing);
		CustomerView buyer = customers.billingParty(new CustomerId(invoice.customerId()))
			.orElseThrow(() -> ProblemException.validation(Map.of("customerId", "The customer no longer exists")));
		LocalDate issueDate = invoice.issueDate() != null ? invoice.issueDate() : today();
		Map<String, String> errors = new LinkedHashMap<>();
		checkDates(issueDate, invoice.dueDate(), errors);
		if (!errors.isEmpty()) {
			throw ProblemException.validation(errors);
		}
		String number = numbers.next(seller.invoiceNumberPrefix(), issueDate.getYear());
		InvoiceDocument document = document(InvoiceDocument.INVOICE, number, issueDate, invoice.dueDate(),
				invoice.currency(), InvoiceTotals.compute(lines, invoice.currency()),
				logo.frozen(sellerOf(Optional.of(seller))), buyerOf(buyer), null, Optional.of(seller), invoice.notes(),
				null);
		freeze(invoice, document, number, issueDate, "Issued as " + number);
		return view(invoices.saveAndFlush(invoice));
	}

	/** Records a payment; the invoice becomes PAID once nothing is left to pay. */
	@Transactional
	public InvoiceView recordPayment(InvoiceId id, PaymentInput input) {
		staffOnly();
		Invoice invoice = find(id);
		validation.check(input);
		if (invoice.creditNote()) {
			throw new InvoiceStateConflict("A credit note is not paid; record refunds outside Prax");
		}
		if (invoice.status() != InvoiceStatus.ISSUED) {
			throw new InvoiceStateConflict(invoice.status() == InvoiceStatus.PAID ? "This invoice is already paid"
					: "Only an issued invoice can be paid");
		}
		int digits = InvoiceTotals.minorUnit(invoice.currency());
		BigDecimal amount = checked(input.amount());
		if (amount.stripTrailingZeros().scale() > digits) {
			throw ProblemException
				.validation(Map.of("amount", "Use at most " + digits + " decimals for " + invoice.currency()));
		}
		if (amount.compareTo(invoice.balanceDue()) > 0) {
			throw ProblemException.validation(Map.of("amount",
					"More than the balance due of " + money(invoice.balanceDue(), digits) + " " + invoice.currency()));
		}
		if (checked(input.paidOn()).isAfter(today())) {
			throw ProblemException.validation(Map.of("paidOn", "The payment day cannot be in the future"));
		}
		ReasonForChange
			.give("Payment of " + money(amount, digits) + " " + invoice.currency() + " received on " + input.paidOn());
		payments.saveAndFlush(new InvoicePayment(invoice.id(), amount, checked(input.paidOn())));
		invoice.pay(amount);
		return view(invoices.saveAndFlush(invoice));
	}

	/**
	 * Voids an issued, unpaid invoice: it keeps its number (no gap) and is shown as void.
	 */
	@Transactional
	public InvoiceView voidInvoice(InvoiceId id, @Nullable String reason) {
		staffOnly();
		Invoice invoice = find(id);
		String why = requireReason(reason, "Give a reason for voiding the invoice");
		if (invoice.status() != InvoiceStatus.ISSUED) {
			throw new InvoiceStateConflict(invoice.status() == InvoiceStatus.DRAFT
					? "A draft is not voided; delete it instead" : "Only an issued invoice can be voided");
		}
		if (invoice.creditNote() || invoice.paidTotal().signum() != 0 || invoice.creditedTotal().signum() != 0) {
			throw new InvoiceStateConflict(invoice.creditNote() ? "A credit note cannot be voided"
					: "This invoice has payments or credit notes; correct it with a credit note");
		}
		ReasonForChange.give(why);
		invoice.voidWith(why, Instant.now(clock));
		return view(invoices.saveAndFlush(invoice));
	}

	/**
	 * Issues a credit note reversing the whole invoice, or the given line numbers:
	 * negative lines, its own number, the original's seller and buyer as frozen, and a
	 * reference to the original.
	 */
	@Transactional
	public InvoiceView creditNote(InvoiceId id, CreditNoteInput input) {
		staffOnly();
		Invoice original = find(id);
		validation.check(input);
		if (original.creditNote()
				|| (original.status() != InvoiceStatus.ISSUED && original.status() != InvoiceStatus.PAID)) {
			throw new InvoiceStateConflict(original.creditNote() ? "A credit note cannot be credited"
					: "Only an issued or paid invoice can be credited");
		}
		InvoiceDocument frozen = Snapshots.read(requireNonNull(original.snapshot(), "an issued invoice is frozen"));
		Set<Integer> credited = new LinkedHashSet<>();
		for (Invoice note : invoices.creditNotesOf(original.id())) {
			storedLines(note).forEach(line -> credited.add(line.sourceLine()));
		}
		List<Integer> wanted = input.lines() == null || input.lines().isEmpty()
				? frozen.lines().stream().map(InvoiceDocument.Line::number).toList() : input.lines();
		Map<String, String> errors = new LinkedHashMap<>();
		Set<Integer> seen = new LinkedHashSet<>();
		for (Integer number : wanted) {
			if (number == null || number < 1 || number > frozen.lines().size() || !seen.add(number)) {
				errors.putIfAbsent("lines",
						"Name each line of the invoice once, by its number (1 to " + frozen.lines().size() + ")");
			}
		}
		if (!errors.isEmpty()) {
			throw ProblemException.validation(errors);
		}
		if (seen.stream().anyMatch(credited::contains)) {
			throw new InvoiceStateConflict("Line " + seen.stream().filter(credited::contains).findFirst().orElseThrow()
					+ " was credited already");
		}
		List<InvoiceTotals.Line> lines = seen.stream().sorted().map(n -> {
			InvoiceDocument.Line line = frozen.lines().get(n - 1);
			return new InvoiceTotals.Line(line.description(), new BigDecimal(line.quantity()).negate(),
					new BigDecimal(line.unitPrice()), new BigDecimal(line.taxRate()), n);
		}).toList();
		CompanyView seller = company.find().orElseThrow(CompanyManagement::missing);
		LocalDate today = today();
		InvoiceTotals.Computed totals = InvoiceTotals.compute(lines, original.currency());
		Invoice note = new Invoice(original.customerId(), original.id());
		note.draft(original.customerId(), original.currency(), today, today, null,
				Snapshots.JSON.writeValueAsString(lines.stream().map(StoredLine::of).toList()), totals);
		String number = numbers.next(seller.invoiceNumberPrefix(), today.getYear());
		InvoiceDocument document = new InvoiceDocument(InvoiceDocument.CREDIT_NOTE, number, today.toString(),
				today.toString(), original.currency(), totals.minorUnit(),
				new InvoiceDocument.Reference(original.id().toString(), original.number()), frozen.seller(),
				frozen.buyer(), documentLines(totals), taxLines(totals), money(totals.netTotal(), totals.minorUnit()),
				money(totals.taxTotal(), totals.minorUnit()), money(totals.grossTotal(), totals.minorUnit()), 0,
				frozen.bankDetails(), null, Text.clean(input.reason()));
		freeze(note, document, number, today, input.reason());
		invoices.saveAndFlush(note);
		original.credit(totals.grossTotal().negate());
		invoices.saveAndFlush(original);
		return view(note);
	}

	private void freeze(Invoice invoice, InvoiceDocument document, String number, LocalDate issueDate,
			@Nullable String reason) {
		String canonical = Snapshots.canonical(document);
		ReasonForChange.give(reason);
		invoice.issue(number, issueDate, canonical, Snapshots.sha256(canonical), Instant.now(clock),
				CurrentUser.require().id().value());
	}

	private Invoice find(InvoiceId id) {
		return invoices.findLive(id.value())
			.filter(invoice -> visibleTo(invoice, CurrentUser.require()))
			.orElseThrow(() -> ProblemException.notFound("Invoice"));
	}

	/**
	 * Whether the invoice exists, is not deleted, and the current user may see it (its
	 * documents follow it).
	 */
	@Transactional(readOnly = true)
	public boolean isVisible(InvoiceId id) {
		return invoices.findLive(id.value()).filter(invoice -> visibleTo(invoice, CurrentUser.require())).isPresent();
	}

	/** Portal users see only their own account's issued invoices. */
	private static boolean visibleTo(Invoice invoice, CurrentUser user) {
		return !user.isCustomer()
				|| invoice.customerId().equals(user.customerId()) && invoice.status() != InvoiceStatus.DRAFT;
	}

	/** Portal users read; they never write invoices, whatever they were granted. */
	private static void staffOnly() {
		if (CurrentUser.require().isCustomer()) {
			throw ProblemException.forbidden();
		}
	}

	private InvoiceView view(Invoice invoice) {
		return view(invoice, today(), new HashMap<>(), company.find(), true);
	}

	private InvoiceView view(Invoice invoice, LocalDate today, Map<UUID, Optional<CustomerView>> buyers,
			Optional<CompanyView> seller, boolean details) {
		InvoiceDocument document;
		Boolean intact = null;
		if (invoice.status() == InvoiceStatus.DRAFT) {
			CustomerView buyer = buyers
				.computeIfAbsent(invoice.customerId(), c -> customers.billingParty(new CustomerId(c)))
				.orElse(null);
			document = document(InvoiceDocument.INVOICE, null, invoice.issueDate(), invoice.dueDate(),
					invoice.currency(), InvoiceTotals.compute(storedLines(invoice), invoice.currency()),
					sellerOf(seller), buyerOf(buyer), null, seller, invoice.notes(), null);
		}
		else {
			String snapshot = requireNonNull(invoice.snapshot(), "an issued invoice is frozen");
			document = Snapshots.read(snapshot);
			intact = Snapshots.intact(snapshot, requireNonNull(invoice.snapshotSha256()));
		}
		int digits = document.minorUnit();
		List<PaymentView> paid = details
				? payments.findByInvoice(invoice.id()).stream().map(p -> p.view(digits)).toList() : List.of();
		List<InvoiceDocument.Reference> notes = details && !invoice.creditNote() ? invoices.creditNotesOf(invoice.id())
			.stream()
			.map(n -> new InvoiceDocument.Reference(n.id().toString(), n.number()))
			.toList() : List.of();
		return new InvoiceView(invoice.id(), document.number(), invoice.status(), document.kind(),
				invoice.creditNoteFor(), invoice.customerId(), document.currency(),
				document.issueDate() == null ? null : LocalDate.parse(document.issueDate()),
				LocalDate.parse(document.dueDate()), document.seller(), document.buyer(), document.lines(),
				document.taxSummary(), document.netTotal(), document.taxTotal(), document.grossTotal(),
				money(invoice.paidTotal(), digits), money(invoice.creditedTotal(), digits),
				money(invoice.balanceDue(), digits), invoice.overdue(today), document.paymentTermsDays(),
				document.bankDetails(), document.notes(),
				document.creditNoteFor() == null ? null : document.creditNoteFor().number(), document.reason(), paid,
				notes, invoice.snapshot() == null ? null : Snapshots.tree(invoice.snapshot()), invoice.snapshotSha256(),
				intact, invoice.issuedAt(), invoice.issuedBy(), invoice.voidedAt(), invoice.voidReason(),
				invoice.version(), invoice.createdAt(), invoice.createdBy(), invoice.updatedAt(), invoice.updatedBy());
	}

	private static InvoiceDocument document(String kind, @Nullable String number, @Nullable LocalDate issueDate,
			LocalDate dueDate, String currency, InvoiceTotals.Computed totals, InvoiceDocument.Party seller,
			InvoiceDocument.Party buyer, InvoiceDocument.@Nullable Reference creditNoteFor,
			Optional<CompanyView> company, @Nullable String notes, @Nullable String reason) {
		int digits = totals.minorUnit();
		int terms = company.map(CompanyView::paymentTermsDays).orElse(DEFAULT_TERMS_DAYS);
		if (issueDate != null) {
			terms = (int) Math.max(0, java.time.temporal.ChronoUnit.DAYS.between(issueDate, dueDate));
		}
		return new InvoiceDocument(kind, number, issueDate == null ? null : issueDate.toString(), dueDate.toString(),
				currency, digits, creditNoteFor, seller, buyer, documentLines(totals), taxLines(totals),
				money(totals.netTotal(), digits), money(totals.taxTotal(), digits), money(totals.grossTotal(), digits),
				terms, company.map(CompanyView::bankDetails).orElse(null), notes, reason);
	}

	private static List<InvoiceDocument.Line> documentLines(InvoiceTotals.Computed totals) {
		int digits = totals.minorUnit();
		return totals.lines()
			.stream()
			.map(l -> new InvoiceDocument.Line(l.number(), l.line().description(), plain(l.line().quantity()),
					price(l.line().unitPrice(), digits), plain(l.line().taxRate()), money(l.netAmount(), digits),
					money(l.taxAmount(), digits), l.line().sourceLine()))
			.toList();
	}

	private static List<InvoiceDocument.TaxLine> taxLines(InvoiceTotals.Computed totals) {
		return totals.taxes()
			.stream()
			.map(t -> new InvoiceDocument.TaxLine(plain(t.rate()), money(t.netAmount(), totals.minorUnit()),
					money(t.taxAmount(), totals.minorUnit())))
			.toList();
	}

	private static InvoiceDocument.Party sellerOf(Optional<CompanyView> company) {
		return company
			.map(c -> new InvoiceDocument.Party(null, c.name(), c.address(), c.taxId(), c.email(), c.phone(),
					c.logoDocumentId() == null ? null : c.logoDocumentId().toString(), null))
			.orElseGet(() -> new InvoiceDocument.Party(null,
					CurrentUser.current().map(CurrentUser::tenantName).orElse("Your company"), PostalAddress.EMPTY,
					null, null, null, null, null));
	}

	private static InvoiceDocument.Party buyerOf(@Nullable CustomerView customer) {
		if (customer == null) {
			return new InvoiceDocument.Party(null, "Unknown customer", PostalAddress.EMPTY, null, null, null, null,
					null);
		}
		Address a = customer.billingAddress();
		return new InvoiceDocument.Party(customer.id().toString(), customer.name(),
				new PostalAddress(a.line1(), a.line2(), a.postalCode(), a.city(), a.region(), a.country()),
				customer.taxId(), customer.email(), customer.phone(), null, null);
	}

	private List<InvoiceTotals.Line> storedLines(Invoice invoice) {
		return Snapshots.JSON.readValue(invoice.lines(), LINES).stream().map(StoredLine::line).toList();
	}

	private static List<InvoiceTotals.Line> lines(@Nullable List<LineInput> input, String currency,
			Map<String, String> errors) {
		List<InvoiceTotals.Line> lines = new ArrayList<>();
		if (input == null) {
			return lines;
		}
		for (int i = 0; i < input.size(); i++) {
			LineInput line = input.get(i);
			if (line == null) {
				errors.putIfAbsent("lines[" + i + "]", "Empty line");
				continue;
			}
			lines.add(new InvoiceTotals.Line(checked(line.description()).strip(), checked(line.quantity()),
					checked(line.unitPrice()), checked(line.taxRate()), null));
		}
		return lines;
	}

	private static void checkDates(@Nullable LocalDate issueDate, @Nullable LocalDate dueDate,
			Map<String, String> errors) {
		if (issueDate != null && dueDate != null && dueDate.isBefore(issueDate)) {
			errors.putIfAbsent("dueDate", "The due date cannot be before the issue date");
		}
	}

	private LocalDate defaultDue(@Nullable LocalDate issueDate, Optional<CompanyView> company) {
		return (issueDate != null ? issueDate : today())
			.plusDays(company.map(CompanyView::paymentTermsDays).orElse(DEFAULT_TERMS_DAYS));
	}

	private static String requireReason(@Nullable String reason, String message) {
		String why = Text.clean(reason);
		if (why == null) {
			throw ProblemException.validation(Map.of("reason", message));
		}
		if (why.length() > 1000) {
			throw ProblemException.validation(Map.of("reason", "Use at most 1000 characters"));
		}
		return why;
	}

	private static BigDecimal decimal(@Nullable Object value) {
		return value == null ? BigDecimal.ZERO : value instanceof BigDecimal d ? d : new BigDecimal(value.toString());
	}

	static String money(BigDecimal value, int digits) {
		return value.setScale(digits, RoundingMode.HALF_UP).toPlainString();
	}

	private static String plain(BigDecimal value) {
		return InvoiceTotals.rateKey(value).toPlainString();
	}

	private static String price(BigDecimal value, int digits) {
		BigDecimal stripped = InvoiceTotals.rateKey(value);
		return value.setScale(Math.max(digits, stripped.scale()), RoundingMode.UNNECESSARY).toPlainString();
	}

}
