package io.prax.payroll;

import static io.prax.platform.Validation.checked;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.prax.audit.ReasonForChange;
import io.prax.approval.ApprovalGate;
import io.prax.platform.Text;
import io.prax.platform.Page;
import io.prax.identity.CurrentUser;
import io.prax.invoicing.CompanyManagement;
import io.prax.invoicing.CompanyView;
import io.prax.invoicing.PostalAddress;
import io.prax.platform.CanonicalJson;
import io.prax.platform.ProblemException;
import io.prax.tenancy.TenantContext;
import io.prax.tenancy.TenantDirectory;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;

/**
 * Payslips: computed from the employee's salary structure for a period, edited while
 * draft, frozen (snapshot and its SHA-256) and locked when finalized. Employees read
 * their own finalized payslips.
 */
@Service
public class PayslipManagement {

	private static final int MAX_PERIOD_DAYS = 366;

	private final Payslips payslips;

	private final Employees employees;

	private final EmployeeManagement employeeManagement;

	private final CompanyManagement company;

	private final TenantDirectory tenants;

	private final PayslipMail mail;

	private final ApprovalGate approvals;

	private final Clock clock;

	PayslipManagement(Payslips payslips, Employees employees, EmployeeManagement employeeManagement,
			CompanyManagement company, TenantDirectory tenants, PayslipMail mail, ApprovalGate approvals, Clock clock) {
		this.payslips = payslips;
		this.employees = employees;
		this.employeeManagement = employeeManagement;
		this.company = company;
		this.tenants = tenants;
		this.mail = mail;
		this.approvals = approvals;
		this.clock = clock;
	}

	/** Payslips of an employee (or all), newest period first. */
	@Transactional(readOnly = true)
	public Page<PayslipView> list(@Nullable EmployeeId employee, @Nullable String cursor, @Nullable Integer limit) {
		int size = Page.limit(limit);
		if (employee == null) {
			throw ProblemException.validation(Map.of("employeeId", "Name the employee whose payslips to list"));
		}
		Context context = context();
		// Keyset on (periodStart desc, id desc); one row more than shown says whether
		// there is a next page.
		List<Payslip> rows;
		if (cursor == null || cursor.isBlank()) {
			rows = payslips.findByEmployee(employee.value(), Limit.of(size + 1));
		}
		else {
			io.prax.platform.Cursor after = io.prax.platform.Cursor.decode(cursor, 2);
			rows = payslips.findByEmployeeAfter(employee.value(), parseDate(after.part(0)), parseId(after.part(1)),
					Limit.of(size + 1));
		}
		return Page.of(rows, size, p -> view(p, context),
				p -> io.prax.platform.Cursor.of(p.periodStart().toString(), p.id().toString()));
	}

	static java.time.LocalDate parseDate(String text) {
		try {
			return java.time.LocalDate.parse(text);
		}
		catch (java.time.format.DateTimeParseException bad) {
			throw io.prax.platform.Cursor.invalid();
		}
	}

	static UUID parseId(String text) {
		try {
			return UUID.fromString(text);
		}
		catch (IllegalArgumentException bad) {
			throw io.prax.platform.Cursor.invalid();
		}
	}

	@Transactional(readOnly = true)
	public PayslipView get(PayslipId id) {
		return view(find(id), context());
	}

	/**
	 * The signed-in user's own finalized payslips (their linked employee's), newest
	 * first.
	 */
	@Transactional(readOnly = true)
	public List<PayslipView> mine() {
		Optional<Employee> me = employees.findByUserId(CurrentUser.require().id().value());
		if (me.isEmpty()) {
			return List.of();
		}
		Context context = context();
		return payslips.findFinalizedByEmployee(me.get().id()).stream().map(p -> view(p, context)).toList();
	}

	/** One of the signed-in user's own finalized payslips; 404 for anything else. */
	@Transactional(readOnly = true)
	public PayslipView mine(PayslipId id) {
		return view(mineOrNotFound(id), context());
	}

	@Transactional
	public PayslipView create(PayslipInput input) {
		Map<String, String> errors = new LinkedHashMap<>();
		Payslip original = null;
		if (input.corrects() != null) {
			original = payslips.findById(input.corrects()).orElse(null);
			if (original == null || original.status() != PayslipStatus.FINALIZED) {
				errors.put("corrects", "Only a finalized payslip can be corrected");
			}
			else if (input.employeeId() != null && !input.employeeId().equals(original.employeeId())) {
				errors.put("employeeId", "A correction is for the employee of the original payslip");
			}
		}
		UUID employeeId = original != null ? original.employeeId() : input.employeeId();
		LocalDate start = input.periodStart() != null ? input.periodStart()
				: original != null ? original.periodStart() : null;
		LocalDate end = input.periodEnd() != null ? input.periodEnd() : original != null ? original.periodEnd() : null;
		if (employeeId == null) {
			errors.putIfAbsent("employeeId", "Choose the employee");
		}
		checkPeriod(start, end, errors);
		Employee employee = employeeId == null ? null : employees.findById(employeeId).orElse(null);
		if (employeeId != null && employee == null) {
			errors.putIfAbsent("employeeId", "No such employee");
		}
		if (!errors.isEmpty()) {
			throw ProblemException.validation(errors);
		}
		if (original == null && payslips.existsRegular(checked(employeeId), checked(start), checked(end))) {
			throw new ProblemException(org.springframework.http.HttpStatus.CONFLICT, "payslip_exists",
					"This employee already has a payslip for this period; correct it instead");
		}
		Payslip payslip = new Payslip(checked(employeeId), null, original == null ? null : original.id(),
				checked(start), checked(end));
		compute(payslip, checked(employee), List.of());
		return view(payslips.saveAndFlush(payslip), context());
	}

	/**
	 * A draft for every employee of the run, computed; used by
	 * {@link PayrollRunManagement}.
	 */
	Payslip draftFor(Employee employee, UUID runId, LocalDate start, LocalDate end) {
		Payslip payslip = new Payslip(employee.id(), runId, null, start, end);
		compute(payslip, employee, List.of());
		return payslip;
	}

	/**
	 * Recomputes a draft from the structure in force, with the given (or the current)
	 * one-off lines.
	 */
	@Transactional
	public PayslipView update(PayslipId id, PayslipChange change) {
		ReasonForChange.give(change.reason());
		Payslip payslip = find(id);
		if (payslip.status() == PayslipStatus.FINALIZED) {
			throw new PayslipLocked();
		}
		requireRunUnlocked(payslip);
		Map<String, String> errors = new LinkedHashMap<>();
		if (change.version() == null) {
			errors.put("version", "Send the version you edited, to detect conflicting changes");
		}
		List<Adjustment> adjustments = change.adjustments() != null ? change.adjustments() : oneOffs(payslip);
		if (adjustments.size() > 50) {
			errors.put("adjustments", "Use at most 50 one-off lines");
		}
		for (int i = 0; i < adjustments.size(); i++) {
			Adjustment a = adjustments.get(i);
			String at = "adjustments[" + i + "]";
			if (a == null || a.kind() == null) {
				errors.put(at + ".kind", "Choose EARNING or DEDUCTION");
				continue;
			}
			String description = Text.clean(a.description());
			if (description == null || description.length() > 200) {
				errors.put(at + ".description", "Describe the line in 1 to 200 characters");
			}
			if (a.amount() == null || a.amount().signum() < 0 || a.amount().compareTo(new BigDecimal("1e12")) >= 0
					|| a.amount().scale() > 4) {
				errors.put(at + ".amount", "Use a non-negative amount with at most four decimals");
			}
		}
		if (!errors.isEmpty()) {
			throw ProblemException.validation(errors);
		}
		payslip.requireVersion(checked(change.version()));
		Employee employee = employees.findById(payslip.employeeId())
			.orElseThrow(() -> ProblemException.validation(Map.of("employeeId", "The employee no longer exists")));
		compute(payslip, employee,
				adjustments.stream()
					.map(a -> new Adjustment(a.kind(), Text.clean(a.description()), a.amount()))
					.toList());
		return view(payslips.saveAndFlush(payslip), context());
	}

	@Transactional
	public void delete(PayslipId id, @Nullable Long version, @Nullable String reason) {
		Payslip payslip = find(id);
		if (payslip.status() == PayslipStatus.FINALIZED) {
			throw new PayslipLocked();
		}
		requireRunUnlocked(payslip);
		String why = Text.clean(reason);
		if (why == null || why.length() > 1000) {
			throw ProblemException.validation(
					Map.of("reason", why == null ? "Give a reason for the deletion" : "Use at most 1000 characters"));
		}
		if (version != null) {
			payslip.requireVersion(version);
		}
		payslip.delete(Instant.now(clock), CurrentUser.require().id().value(), why);
		payslips.saveAndFlush(payslip);
	}

	/**
	 * Freezes the snapshot (SHA-256 of its canonical JSON, also in the audit event) and
	 * locks the payslip.
	 */
	@Transactional
	public PayslipView finalize(PayslipId id) {
		Payslip payslip = find(id);
		if (payslip.runId() != null) {
			// a payslip of a run is finalized with its run, after the run's approval when
			// it needs one
			approvals.requireApproved(PayrollRunApprovals.RECORD_TYPE, payslip.runId());
		}
		Context context = context();
		finalize(payslip, context);
		return view(payslips.saveAndFlush(payslip), context);
	}

	/**
	 * A payslip of a run under approval is part of the version signed: 423 while it
	 * stands.
	 */
	private void requireRunUnlocked(Payslip payslip) {
		if (payslip.runId() != null) {
			approvals.requireUnlocked(PayrollRunApprovals.RECORD_TYPE, payslip.runId());
		}
	}

	/**
	 * Finalizes a draft in the caller's transaction; the run finalizes all of its drafts
	 * this way.
	 */
	void finalize(Payslip payslip, Context context) {
		if (payslip.status() == PayslipStatus.FINALIZED) {
			throw new ProblemException(org.springframework.http.HttpStatus.CONFLICT, "already_finalized",
					"This payslip is already finalized");
		}
		Employee employee = context.employee(payslip.employeeId());
		PayslipDocument document = document(payslip, employee, context);
		String canonical = CanonicalJson.canonical(EmployeeManagement.JSON.writeValueAsString(document));
		ReasonForChange.give("Finalized");
		payslip.finalize(canonical, CanonicalJson.sha256(canonical), Instant.now(clock));
		mail.finalized(employee, document);
	}

	/**
	 * Year-to-date totals of the employee's finalized payslips whose period ends in the
	 * payslip's year, up to it.
	 */
	@Transactional(readOnly = true)
	public YearToDate yearToDate(PayslipView payslip) {
		BigDecimal gross = BigDecimal.ZERO;
		BigDecimal deductions = BigDecimal.ZERO;
		BigDecimal net = BigDecimal.ZERO;
		for (Payslip p : payslips.findFinalizedByEmployee(payslip.employeeId())) {
			if (p.periodEnd().getYear() == payslip.periodEnd().getYear() && !p.periodEnd().isAfter(payslip.periodEnd())
					&& p.currency().equals(payslip.currency())) {
				gross = gross.add(p.grossPay());
				deductions = deductions.add(p.totalDeductions());
				net = net.add(p.netPay());
			}
		}
		int scale = PayrollCalculator.minorUnit(payslip.currency());
		return new YearToDate(payslip.periodEnd().getYear(), plain(gross, scale), plain(deductions, scale),
				plain(net, scale));
	}

	/** Sums of the finalized payslips of a year up to and including one payslip. */
	public record YearToDate(int year, String grossPay, String totalDeductions, String netPay) {
	}

	Payslip mineOrNotFound(PayslipId id) {
		Optional<Employee> me = employees.findByUserId(CurrentUser.require().id().value());
		return payslips.findById(id.value())
			.filter(p -> me.isPresent() && p.employeeId().equals(me.get().id()))
			.filter(p -> p.status() == PayslipStatus.FINALIZED)
			.orElseThrow(() -> ProblemException.notFound("Payslip"));
	}

	Payslip find(PayslipId id) {
		return payslips.findById(id.value()).orElseThrow(() -> ProblemException.notFound("Payslip"));
	}

	static void checkPeriod(@Nullable LocalDate start, @Nullable LocalDate end, Map<String, String> errors) {
		if (start == null) {
			errors.put("periodStart", "Enter the first day of the period");
		}
		if (end == null) {
			errors.put("periodEnd", "Enter the last day of the period");
		}
		if (start != null && end != null) {
			if (end.isBefore(start)) {
				errors.put("periodEnd", "The period cannot end before it starts");
			}
			else if (java.time.temporal.ChronoUnit.DAYS.between(start, end) + 1 > MAX_PERIOD_DAYS) {
				errors.put("periodEnd", "A pay period is at most a year");
			}
		}
	}

	private void compute(Payslip payslip, Employee employee, List<Adjustment> oneOffs) {
		PayrollCalculator.Result result = PayrollCalculator.compute(employee.salaryCurrency(),
				EmployeeManagement.components(employee), oneOffs, payslip.periodStart(), payslip.periodEnd(),
				employee.hireDate(), employee.leavingDate());
		payslip.computed(employee.salaryCurrency(), EmployeeManagement.JSON.writeValueAsString(result.lines()),
				result.grossPay(), result.totalDeductions(), result.netPay());
	}

	private static List<PayslipLine> lines(Payslip payslip) {
		return EmployeeManagement.JSON.readValue(payslip.lines(), new TypeReference<List<PayslipLine>>() {
		});
	}

	private static List<Adjustment> oneOffs(Payslip payslip) {
		return lines(payslip).stream()
			.filter(PayslipLine::oneOff)
			.map(l -> new Adjustment(l.kind(), l.description(), l.amount()))
			.toList();
	}

	/**
	 * What finalizing many payslips shares: the employer, designation names and
	 * employees, read once.
	 */
	final class Context {

		private final PayslipDocument.Employer employer;

		private final Map<UUID, String> designations;

		private final Map<UUID, Employee> cache = new java.util.HashMap<>();

		Context(PayslipDocument.Employer employer, Map<UUID, String> designations) {
			this.employer = employer;
			this.designations = designations;
		}

		void preload(List<UUID> employeeIds) {
			employees.findAllById(employeeIds).forEach(e -> cache.put(e.id(), e));
		}

		Employee employee(UUID id) {
			Employee employee = cache.computeIfAbsent(id, key -> employees.findById(key).orElse(null));
			if (employee == null) {
				throw ProblemException.notFound("Employee");
			}
			return employee;
		}

	}

	Context context() {
		return new Context(employer(), employeeManagement.designationNames());
	}

	private PayslipDocument.Employer employer() {
		Optional<CompanyView> details = company.find();
		if (details.isPresent()) {
			CompanyView c = details.get();
			return new PayslipDocument.Employer(c.name(), addressLines(c.address()), c.taxId());
		}
		String name = tenants.find(TenantContext.require()).map(t -> t.name()).orElse("");
		return new PayslipDocument.Employer(name, List.of(), null);
	}

	private static List<String> addressLines(PostalAddress a) {
		List<String> lines = new ArrayList<>();
		if (a.line1() != null) {
			lines.add(a.line1());
		}
		if (a.line2() != null) {
			lines.add(a.line2());
		}
		String city = ((a.postalCode() == null ? "" : a.postalCode()) + " " + (a.city() == null ? "" : a.city()))
			.strip();
		if (!city.isEmpty()) {
			lines.add(city);
		}
		String region = ((a.region() == null ? "" : a.region()) + " " + (a.country() == null ? "" : a.country()))
			.strip();
		if (!region.isEmpty()) {
			lines.add(region);
		}
		return List.copyOf(lines);
	}

	private PayslipDocument document(Payslip payslip, Employee employee, Context context) {
		int scale = PayrollCalculator.minorUnit(payslip.currency());
		List<PayslipDocument.Line> earnings = new ArrayList<>();
		List<PayslipDocument.Line> deductions = new ArrayList<>();
		for (PayslipLine l : lines(payslip)) {
			PayslipDocument.Line line = new PayslipDocument.Line(l.name(), l.description(),
					l.rate() == null ? null : l.rate().stripTrailingZeros().toPlainString(), plain(l.amount(), scale),
					l.oneOff());
			(l.kind() == ComponentKind.EARNING ? earnings : deductions).add(line);
		}
		PayslipDocument.Person person = new PayslipDocument.Person(employee.id().toString(), employee.name(),
				employee.employeeCode(), employee.department(),
				employee.designationId() == null ? null : context.designations.get(employee.designationId()),
				Masking.mask(employee.bankAccount()), Masking.mask(employee.taxId()));
		return new PayslipDocument(payslip.id().toString(),
				payslip.correctsId() == null ? null : payslip.correctsId().toString(), context.employer, person,
				payslip.periodStart().toString(), payslip.periodEnd().toString(),
				PayrollCalculator.employedDays(payslip.periodStart(), payslip.periodEnd(), employee.hireDate(),
						employee.leavingDate()),
				java.time.temporal.ChronoUnit.DAYS.between(payslip.periodStart(), payslip.periodEnd()) + 1,
				payslip.currency(), scale, List.copyOf(earnings), List.copyOf(deductions),
				plain(payslip.grossPay(), scale), plain(payslip.totalDeductions(), scale),
				plain(payslip.netPay(), scale));
	}

	static String plain(BigDecimal amount, int scale) {
		return amount.setScale(scale, java.math.RoundingMode.HALF_UP).toPlainString();
	}

	PayslipView view(Payslip payslip, Context context) {
		PayslipDocument document;
		boolean intact = true;
		if (payslip.status() == PayslipStatus.FINALIZED) {
			document = EmployeeManagement.JSON.readValue(payslip.snapshot(), PayslipDocument.class);
			intact = CanonicalJson.intact(checked(payslip.snapshot()), checked(payslip.snapshotSha256()));
		}
		else {
			document = document(payslip, context.employee(payslip.employeeId()), context);
		}
		return new PayslipView(payslip.id(), payslip.employeeId(), payslip.runId(), payslip.correctsId(),
				payslip.periodStart(), payslip.periodEnd(), payslip.status(), payslip.currency(), document.employer(),
				document.employee(), document.earnings(), document.deductions(), document.grossPay(),
				document.totalDeductions(), document.netPay(),
				payslip.status() == PayslipStatus.FINALIZED ? document : null, payslip.snapshotSha256(), intact,
				payslip.finalizedAt(), payslip.version(), payslip.createdAt(), payslip.createdBy(), payslip.updatedAt(),
				payslip.updatedBy());
	}

}
