package io.prax.payroll;

import static io.prax.platform.Validation.checked;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import io.prax.approval.ApprovalGate;
import io.prax.platform.ProblemException;
import org.springframework.data.domain.Limit;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Payroll runs: the draft payslips of every active employee of a period, their totals,
 * and finalizing them all in one transaction (all or none).
 */
@Service
public class PayrollRunManagement {

	private final PayrollRuns runs;

	private final Payslips payslips;

	private final Employees employees;

	private final PayslipManagement payslipManagement;

	private final ApprovalGate approvals;

	private final Clock clock;

	PayrollRunManagement(PayrollRuns runs, Payslips payslips, Employees employees, PayslipManagement payslipManagement,
			ApprovalGate approvals, Clock clock) {
		this.runs = runs;
		this.payslips = payslips;
		this.employees = employees;
		this.payslipManagement = payslipManagement;
		this.approvals = approvals;
		this.clock = clock;
	}

	/** The newest runs first. */
	@Transactional(readOnly = true)
	public List<PayrollRunView> list(int howMany) {
		return runs.newest(Limit.of(howMany)).stream().map(this::view).toList();
	}

	/** Runs newest period first, keyset-paged on (periodStart desc, id desc). */
	@Transactional(readOnly = true)
	public io.prax.platform.Page<PayrollRunView> page(@org.jspecify.annotations.Nullable String cursor,
			@org.jspecify.annotations.Nullable Integer limit) {
		int size = io.prax.platform.Page.limit(limit);
		List<PayrollRun> rows;
		if (cursor == null || cursor.isBlank()) {
			rows = runs.newest(Limit.of(size + 1));
		}
		else {
			io.prax.platform.Cursor after = io.prax.platform.Cursor.decode(cursor, 2);
			rows = runs.newestAfter(PayslipManagement.parseDate(after.part(0)),
					PayslipManagement.parseId(after.part(1)), Limit.of(size + 1));
		}
		return io.prax.platform.Page.of(rows, size, this::view,
				r -> io.prax.platform.Cursor.of(r.periodStart().toString(), r.id().toString()));
	}

	/** The last finalized run, for the dashboard. */
	@Transactional(readOnly = true)
	public Optional<PayrollRunView> lastFinalized() {
		return runs.lastFinalized(Limit.of(1)).stream().findFirst().map(this::view);
	}

	@Transactional(readOnly = true)
	public PayrollRunView get(PayrollRunId id) {
		return view(find(id));
	}

	/**
	 * A run for the period with a draft payslip for every active employee employed in it;
	 * employees who already have a payslip for the period are not included again (the
	 * database refuses it anyway).
	 */
	@Transactional
	public PayrollRunView create(PayrollRunInput input) {
		Map<String, String> errors = new LinkedHashMap<>();
		PayslipManagement.checkPeriod(input.periodStart(), input.periodEnd(), errors);
		if (!errors.isEmpty()) {
			throw ProblemException.validation(errors);
		}
		LocalDate start = checked(input.periodStart());
		LocalDate end = checked(input.periodEnd());
		if (runs.existsFor(start, end)) {
			throw new ProblemException(HttpStatus.CONFLICT, "run_exists",
					"There already is a payroll run for this period");
		}
		PayrollRun run = runs.saveAndFlush(new PayrollRun(start, end));
		Set<UUID> paid = new HashSet<>(payslips.employeesPaidFor(start, end));
		List<Payslip> drafts = new ArrayList<>();
		for (Employee employee : employees.employedDuring(start, end)) {
			if (!paid.contains(employee.id())) {
				drafts.add(payslipManagement.draftFor(employee, run.id(), start, end));
			}
		}
		payslips.saveAll(drafts);
		payslips.flush();
		return view(run);
	}

	/**
	 * Finalizes every draft payslip of the run and the run itself, in one transaction.
	 */
	@Transactional
	public PayrollRunView finalize(PayrollRunId id) {
		PayrollRun run = find(id);
		if (run.status() == PayrollRunStatus.FINALIZED) {
			throw new ProblemException(HttpStatus.CONFLICT, "already_finalized",
					"This payroll run is already finalized");
		}
		approvals.requireApproved(PayrollRunApprovals.RECORD_TYPE, run.id());
		List<Payslip> included = payslips.findByRun(run.id());
		PayslipManagement.Context context = payslipManagement.context();
		context.preload(included.stream().map(Payslip::employeeId).toList());
		for (Payslip payslip : included) {
			if (payslip.status() == PayslipStatus.DRAFT) {
				payslipManagement.finalize(payslip, context);
			}
		}
		payslips.saveAll(included);
		run.finalized(Instant.now(clock));
		runs.saveAndFlush(run);
		return view(run);
	}

	private PayrollRun find(PayrollRunId id) {
		return runs.findById(id.value()).orElseThrow(() -> ProblemException.notFound("Payroll run"));
	}

	private PayrollRunView view(PayrollRun run) {
		List<Payslip> included = payslips.findByRun(run.id());
		Map<UUID, Employee> people = new LinkedHashMap<>();
		employees.findAllById(included.stream().map(Payslip::employeeId).toList()).forEach(e -> people.put(e.id(), e));
		Map<String, BigDecimal[]> sums = new LinkedHashMap<>();
		List<PayrollRunView.Entry> entries = new ArrayList<>();
		for (Payslip p : included) {
			BigDecimal[] sum = sums.computeIfAbsent(p.currency(),
					c -> new BigDecimal[] { BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO });
			sum[0] = sum[0].add(p.grossPay());
			sum[1] = sum[1].add(p.totalDeductions());
			sum[2] = sum[2].add(p.netPay());
			int scale = PayrollCalculator.minorUnit(p.currency());
			Employee e = people.get(p.employeeId());
			// A deleted employee can only have finalized payslips here: their snapshot
			// still names them.
			PayslipDocument.Person frozen = e == null && p.snapshot() != null
					? EmployeeManagement.JSON.readValue(p.snapshot(), PayslipDocument.class).employee() : null;
			entries.add(new PayrollRunView.Entry(p.id(), p.employeeId(),
					e != null ? e.name() : frozen != null ? frozen.name() : "",
					e != null ? e.employeeCode() : frozen != null ? frozen.employeeCode() : "", p.status(),
					p.currency(), PayslipManagement.plain(p.grossPay(), scale),
					PayslipManagement.plain(p.totalDeductions(), scale), PayslipManagement.plain(p.netPay(), scale)));
		}
		entries.sort(java.util.Comparator.comparing(PayrollRunView.Entry::employeeCode));
		List<PayrollRunView.Totals> totals = sums.entrySet().stream().map(s -> {
			int scale = PayrollCalculator.minorUnit(s.getKey());
			return new PayrollRunView.Totals(s.getKey(), PayslipManagement.plain(s.getValue()[0], scale),
					PayslipManagement.plain(s.getValue()[1], scale), PayslipManagement.plain(s.getValue()[2], scale));
		}).toList();
		return new PayrollRunView(run.id(), run.periodStart(), run.periodEnd(), run.status(), entries.size(), totals,
				List.copyOf(entries), run.finalizedAt(), run.version(), run.createdAt(), run.createdBy());
	}

}
