package io.prax.payroll;

import static io.prax.platform.Text.clean;

import static io.prax.platform.Validation.checked;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;

import io.prax.access.DesignationId;
import io.prax.access.PermissionSetAdministration;
import io.prax.access.AccessPolicy;
import io.prax.access.Permission;
import io.prax.audit.ReasonForChange;
import io.prax.platform.Cursor;
import io.prax.platform.Page;
import io.prax.identity.CurrentUser;
import io.prax.identity.UserDirectory;
import io.prax.identity.Tier;
import io.prax.identity.UserAccount;
import io.prax.identity.UserId;
import io.prax.platform.ProblemException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Employees of the current tenant and their salary structures. Bank account and tax id
 * are answered in clear only to callers who may edit employees.
 */
@Service
public class EmployeeManagement {

	static final JsonMapper JSON = JsonMapper.builder().build();

	/** No employee has this id: the "except" of uniqueness checks on create. */
	private static final UUID NOBODY = new UUID(0, 0);

	private final Employees employees;

	private final EntityManager entityManager;

	private final PermissionSetAdministration access;

	private final AccessPolicy policy;

	private final UserDirectory identity;

	private final EmployeeValidation validation;

	private final Payslips payslips;

	private final Clock clock;

	EmployeeManagement(Employees employees, EntityManager entityManager, PermissionSetAdministration access,
			AccessPolicy policy, UserDirectory identity, EmployeeValidation validation, Payslips payslips,
			Clock clock) {
		this.employees = employees;
		this.entityManager = entityManager;
		this.access = access;
		this.policy = policy;
		this.identity = identity;
		this.validation = validation;
		this.payslips = payslips;
		this.clock = clock;
	}

	/** A list filter; every part optional. */
	public record Filter(@Nullable String query, @Nullable String department, @Nullable DesignationId designationId,
			@Nullable EmployeeStatus status) {
	}

	/** Employees ordered by name matching the filter, after {@code cursor}. */
	@Transactional(readOnly = true)
	public Page<EmployeeView> list(Filter filter, @Nullable String cursor, @Nullable Integer limit) {
		int size = Page.limit(limit);
		Position after = cursor == null ? null : after(cursor);
		// Deleted employees are left out by the entity's @SQLRestriction.
		StringBuilder jpql = new StringBuilder("select e from Employee e where 1 = 1");
		Map<String, Object> params = new LinkedHashMap<>();
		String query = clean(filter.query());
		if (query != null) {
			jpql.append(
					" and (e.nameKey like :q or lower(e.employeeCode) like :q or lower(coalesce(e.email, '')) like :q)");
			params.put("q", "%" + escapeLike(query.toLowerCase(Locale.ROOT)) + "%");
		}
		String department = clean(filter.department());
		if (department != null) {
			jpql.append(" and lower(e.department) = :department");
			params.put("department", department.toLowerCase(Locale.ROOT));
		}
		if (filter.designationId() != null) {
			jpql.append(" and e.designationId = :designation");
			params.put("designation", filter.designationId().value());
		}
		if (filter.status() != null) {
			jpql.append(" and e.status = :status");
			params.put("status", filter.status());
		}
		if (after != null) {
			// a row comparison of plain columns: leakproof, so under row-level security
			// it
			// still starts the index scan at the cursor (V110)
			jpql.append(" and (e.nameKey, e.id) > (:key, :id)");
			params.put("key", after.key());
			params.put("id", after.id());
		}
		jpql.append(" order by e.nameKey, e.id");
		TypedQuery<Employee> q = entityManager.createQuery(jpql.toString(), Employee.class).setMaxResults(size + 1);
		params.forEach(q::setParameter);
		Map<UUID, String> designations = designationNames();
		boolean clear = mayEdit();
		return Page.of(q.getResultList(), size, e -> view(e, designations, clear), EmployeeManagement::position);
	}

	/** The employee, or 404 when it does not exist or was deleted. */
	@Transactional(readOnly = true)
	public EmployeeView get(EmployeeId id) {
		return view(find(id));
	}

	/** Whether the employee exists in this tenant and is not deleted. */
	@Transactional(readOnly = true)
	public boolean isVisible(EmployeeId id) {
		return employees.findById(id.value()).isPresent();
	}

	/** The employee linked to the signed-in user, if any. */
	@Transactional(readOnly = true)
	public Optional<EmployeeId> mine() {
		return employees.findByUserId(CurrentUser.require().id().value()).map(e -> new EmployeeId(e.id()));
	}

	@Transactional
	public EmployeeView create(EmployeeInput input) {
		return create(input, Map.of());
	}

	/**
	 * Creates the employee; {@code unreadable} are fields a form could not even read,
	 * shown with the others.
	 */
	@Transactional
	public EmployeeView create(EmployeeInput input, Map<String, String> unreadable) {
		Map<String, String> errors = new LinkedHashMap<>(unreadable);
		validation.onCreate(input).forEach(errors::putIfAbsent);
		checkData(input, errors, null);
		if (input.hireDate() != null && input.leavingDate() != null && input.leavingDate().isBefore(input.hireDate())) {
			errors.putIfAbsent("leavingDate", "The leaving date cannot be before the hire date");
		}
		if (!errors.isEmpty()) {
			throw ProblemException.validation(errors);
		}
		Salary salary = normalize(checked(input.salary()));
		String code = checked(clean(input.employeeCode()));
		String name = checked(clean(input.name()));
		Employee employee = new Employee(code, name, checked(input.hireDate()), checked(salary.currency()),
				json(checked(salary.components())));
		employee.details(code, name, clean(input.email()), clean(input.department()), input.designationId(),
				checked(input.hireDate()), input.leavingDate(),
				input.status() == null ? EmployeeStatus.ACTIVE : input.status(), iban(input.bankAccount()),
				clean(input.taxId()), input.userId());
		return view(employees.saveAndFlush(employee));
	}

	/**
	 * Optional references that an update can clear: a form by leaving them empty, the API
	 * by sending them as an explicit JSON {@code null}.
	 */
	public enum Clearable {

		LEAVING_DATE("leavingDate"), DESIGNATION("designationId"), USER("userId");

		private final String field;

		Clearable(String field) {
			this.field = field;
		}

		/** The field's name in {@link EmployeeInput} and its JSON. */
		public String field() {
			return field;
		}

	}

	/**
	 * Changes the given fields; the caller's {@code version} must be current (409
	 * otherwise).
	 */
	@Transactional
	public EmployeeView update(EmployeeId id, EmployeeInput input) {
		return update(id, input, Set.of(), Map.of());
	}

	/**
	 * Changes the given fields and clears {@code cleared}; {@code unreadable} are fields
	 * a form could not even read, shown with the others. Nothing is written unless
	 * everything is valid.
	 */
	@Transactional
	public EmployeeView update(EmployeeId id, EmployeeInput input, Set<Clearable> cleared,
			Map<String, String> unreadable) {
		ReasonForChange.give(input.reason());
		Employee employee = find(id);
		Map<String, String> errors = new LinkedHashMap<>(unreadable);
		validation.onUpdate(input).forEach(errors::putIfAbsent);
		checkData(input, errors, employee.id());
		LocalDate hire = input.hireDate() != null ? input.hireDate() : employee.hireDate();
		LocalDate leaving = cleared.contains(Clearable.LEAVING_DATE) ? null
				: input.leavingDate() != null ? input.leavingDate() : employee.leavingDate();
		if (leaving != null && leaving.isBefore(hire)) {
			errors.putIfAbsent("leavingDate", "The leaving date cannot be before the hire date");
		}
		if (!errors.isEmpty()) {
			throw ProblemException.validation(errors);
		}
		employee.requireVersion(checked(input.version()));
		employee.details(pick(clean(input.employeeCode()), employee.employeeCode()),
				pick(clean(input.name()), employee.name()),
				input.email() != null ? clean(input.email()) : employee.email(),
				input.department() != null ? clean(input.department()) : employee.department(),
				cleared.contains(Clearable.DESIGNATION) ? null
						: input.designationId() != null ? input.designationId() : employee.designationId(),
				hire, leaving, input.status() != null ? input.status() : employee.status(),
				input.bankAccount() != null ? iban(input.bankAccount()) : employee.bankAccount(),
				input.taxId() != null ? clean(input.taxId()) : employee.taxId(),
				cleared.contains(Clearable.USER) ? null : input.userId() != null ? input.userId() : employee.userId());
		if (input.salary() != null) {
			Salary salary = normalize(input.salary());
			employee.salary(checked(salary.currency()), json(checked(salary.components())));
		}
		return view(employees.saveAndFlush(employee));
	}

	/** Soft delete with a reason. */
	@Transactional
	public void delete(EmployeeId id, @Nullable Long version, @Nullable String reason) {
		Employee employee = find(id);
		String why = clean(reason);
		if (why == null || why.length() > 1000) {
			throw ProblemException.validation(
					Map.of("reason", why == null ? "Give a reason for the deletion" : "Use at most 1000 characters"));
		}
		if (version != null) {
			employee.requireVersion(version);
		}
		if (payslips.existsDraftFor(employee.id())) {
			throw new ProblemException(HttpStatus.CONFLICT, "employee_has_drafts",
					"This employee has draft payslips; delete or finalize them first");
		}
		employee.delete(Instant.now(clock), CurrentUser.require().id().value(), why);
		employees.saveAndFlush(employee);
	}

	/** The live names of the tenant's designations, by id. */
	Map<UUID, String> designationNames() {
		Map<UUID, String> names = new LinkedHashMap<>();
		access.designations().forEach(d -> names.put(UUID.fromString(d.id()), d.name()));
		return names;
	}

	Employee find(EmployeeId id) {
		return employees.findById(id.value()).orElseThrow(() -> ProblemException.notFound("Employee"));
	}

	static List<SalaryComponent> components(Employee employee) {
		return JSON.readValue(employee.salaryComponents(), new TypeReference<List<SalaryComponent>>() {
		});
	}

	boolean mayEdit() {
		return policy.can(Permission.EMPLOYEES_EDIT);
	}

	EmployeeView view(Employee e) {
		return view(e, designationNames(), mayEdit());
	}

	private static EmployeeView view(Employee e, Map<UUID, String> designations, boolean clear) {
		return new EmployeeView(e.id(), e.employeeCode(), e.name(), e.email(), e.department(), e.designationId(),
				e.designationId() == null ? null : designations.get(e.designationId()), e.hireDate(), e.leavingDate(),
				e.status(), clear ? e.bankAccount() : Masking.mask(e.bankAccount()),
				clear ? e.taxId() : Masking.mask(e.taxId()), e.userId(), new Salary(e.salaryCurrency(), components(e)),
				e.version(), e.createdAt(), e.createdBy(), e.updatedAt(), e.updatedBy());
	}

	/**
	 * The rules that need data: a free code, a designation and a staff user of this
	 * tenant.
	 */
	private void checkData(EmployeeInput input, Map<String, String> errors, @Nullable UUID self) {
		UUID except = self == null ? NOBODY : self;
		String code = clean(input.employeeCode());
		if (code != null && !errors.containsKey("employeeCode") && employees.codeTaken(code, except)) {
			errors.put("employeeCode", "Another employee has this code");
		}
		if (input.designationId() != null && !designationNames().containsKey(input.designationId())) {
			errors.putIfAbsent("designationId", "No such designation");
		}
		if (input.userId() != null) {
			Optional<UserAccount> user = identity.find(new UserId(input.userId()));
			if (user.isEmpty() || user.get().tier() == Tier.CUSTOMER) {
				errors.putIfAbsent("userId", "Link a staff user of this workspace");
			}
			else if (employees.userLinked(input.userId(), except)) {
				errors.putIfAbsent("userId", "This user is linked to another employee");
			}
		}
	}

	/**
	 * Staff users of this workspace an employee may be linked to (for the employee form).
	 */
	@Transactional(readOnly = true)
	public List<UserAccount> linkableUsers() {
		return identity.list().stream().filter(u -> u.tier() != Tier.CUSTOMER).toList();
	}

	private static Salary normalize(Salary salary) {
		List<SalaryComponent> out = new ArrayList<>();
		if (salary.components() != null) {
			for (SalaryComponent c : salary.components()) {
				out.add(new SalaryComponent(clean(c.name()), c.kind(), c.amount(), c.rate()));
			}
		}
		return new Salary(checked(clean(salary.currency())).toUpperCase(Locale.ROOT), List.copyOf(out));
	}

	private static String json(List<SalaryComponent> components) {
		return JSON.writeValueAsString(components);
	}

	private static @Nullable String iban(@Nullable String value) {
		String v = clean(value);
		return v == null ? null : Iban.normalize(v);
	}

	private static String required(Map<String, String> errors, String field, @Nullable String value, String message) {
		String v = clean(value);
		if (v == null) {
			errors.put(field, message);
			return "";
		}
		return v;
	}

	private static String pick(@Nullable String change, String current) {
		return change != null ? change : current;
	}

	private static String escapeLike(String value) {
		return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

	/**
	 * A position in the list by name: the last row's id and lower-case name (last: a name
	 * may hold anything).
	 */
	private record Position(UUID id, String key) {
	}

	private static Cursor position(Employee e) {
		return Cursor.of(e.id().toString(), e.name().toLowerCase(Locale.ROOT));
	}

	private static Position after(String cursor) {
		Cursor decoded = Cursor.decode(cursor, 2);
		try {
			return new Position(UUID.fromString(decoded.part(0)), decoded.part(1));
		}
		catch (IllegalArgumentException ex) {
			throw Cursor.invalid();
		}
	}

}
