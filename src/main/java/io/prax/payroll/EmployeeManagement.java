package io.prax.payroll;

import static io.prax.platform.Validation.checked;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;

import io.prax.access.AccessAdministration;
import io.prax.access.AccessPolicy;
import io.prax.access.Permission;
import io.prax.audit.ReasonForChange;
import io.prax.platform.Page;
import io.prax.identity.CurrentUser;
import io.prax.identity.IdentityManagement;
import io.prax.identity.Tier;
import io.prax.identity.UserAccount;
import io.prax.identity.UserId;
import io.prax.platform.ProblemException;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Employees of the current tenant and their salary structures. Bank account and tax id are answered
 * in clear only to callers who may edit employees.
 */
@Service
public class EmployeeManagement {

	public static final int DEFAULT_LIMIT = 50;
	public static final int MAX_LIMIT = 500;
	static final JsonMapper JSON = JsonMapper.builder().build();
	private static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]{2,}$");
	private static final Pattern TAX_ID = Pattern.compile("^[A-Za-z0-9 ./-]{4,50}$");

	private final Employees employees;
	private final EntityManager entityManager;
	private final AccessAdministration access;
	private final AccessPolicy policy;
	private final IdentityManagement identity;
	private final Clock clock;

	EmployeeManagement(Employees employees, EntityManager entityManager, AccessAdministration access,
			AccessPolicy policy, IdentityManagement identity, Clock clock) {
		this.employees = employees;
		this.entityManager = entityManager;
		this.access = access;
		this.policy = policy;
		this.identity = identity;
		this.clock = clock;
	}

	/** A list filter; every part optional. */
	public record Filter(@Nullable String query, @Nullable String department, @Nullable UUID designationId,
			@Nullable EmployeeStatus status) {
	}

	/** Employees ordered by name matching the filter, after {@code cursor}. */
	@Transactional(readOnly = true)
	public Page<EmployeeView> list(Filter filter, @Nullable String cursor, @Nullable Integer limit) {
		int size = limit == null ? DEFAULT_LIMIT : limit;
		if (size < 1 || size > MAX_LIMIT) {
			throw ProblemException.validation(Map.of("limit", "Use a limit from 1 to " + MAX_LIMIT));
		}
		String[] after = cursor == null ? null : decode(cursor);
		StringBuilder jpql = new StringBuilder("select e from Employee e where e.deletedAt is null");
		Map<String, Object> params = new LinkedHashMap<>();
		String query = clean(filter.query());
		if (query != null) {
			jpql.append(" and (lower(e.name) like :q or lower(e.employeeCode) like :q or lower(coalesce(e.email, '')) like :q)");
			params.put("q", "%" + escapeLike(query.toLowerCase(Locale.ROOT)) + "%");
		}
		String department = clean(filter.department());
		if (department != null) {
			jpql.append(" and lower(e.department) = :department");
			params.put("department", department.toLowerCase(Locale.ROOT));
		}
		if (filter.designationId() != null) {
			jpql.append(" and e.designationId = :designation");
			params.put("designation", filter.designationId());
		}
		if (filter.status() != null) {
			jpql.append(" and e.status = :status");
			params.put("status", filter.status());
		}
		if (after != null) {
			jpql.append(" and (lower(e.name) > :key or (lower(e.name) = :key and e.id > :id))");
			params.put("key", after[1]);
			params.put("id", UUID.fromString(after[0]));
		}
		jpql.append(" order by lower(e.name), e.id");
		TypedQuery<Employee> q = entityManager.createQuery(jpql.toString(), Employee.class).setMaxResults(size + 1);
		params.forEach(q::setParameter);
		List<Employee> rows = q.getResultList();
		boolean more = rows.size() > size;
		Map<UUID, String> designations = designationNames();
		boolean clear = mayEdit();
		List<EmployeeView> items = rows.stream().limit(size).map(e -> view(e, designations, clear)).toList();
		String next = more ? encode(rows.get(size - 1)) : null;
		return new Page<>(items, next);
	}

	/** The employee, or 404 when it does not exist or was deleted. */
	@Transactional(readOnly = true)
	public EmployeeView get(EmployeeId id) {
		return view(find(id));
	}

	/** Whether the employee exists in this tenant and is not deleted. */
	@Transactional(readOnly = true)
	public boolean isVisible(EmployeeId id) {
		return employees.findLive(id.value()).isPresent();
	}

	/** The employee linked to the signed-in user, if any. */
	@Transactional(readOnly = true)
	public Optional<EmployeeId> mine() {
		return employees.findLiveByUser(CurrentUser.require().id().value()).map(e -> new EmployeeId(e.id()));
	}

	@Transactional
	public EmployeeView create(EmployeeInput input) {
		Map<String, String> errors = new LinkedHashMap<>();
		String code = required(errors, "employeeCode", input.employeeCode(), "Enter the employee code");
		String name = required(errors, "name", input.name(), "Enter the employee's name");
		if (input.hireDate() == null) {
			errors.put("hireDate", "Enter the hire date");
		}
		if (input.salary() == null) {
			errors.put("salary.currency", "Enter the salary currency");
		}
		validate(input, errors, UUID.randomUUID());
		if (!errors.isEmpty()) {
			throw ProblemException.validation(errors);
		}
		Salary salary = normalize(checked(input.salary()));
		Employee employee = new Employee(code, name, checked(input.hireDate()), checked(salary.currency()),
				json(checked(salary.components())));
		employee.details(code, name, clean(input.email()), clean(input.department()), input.designationId(),
				checked(input.hireDate()), input.leavingDate(), input.status() == null ? EmployeeStatus.ACTIVE : input.status(),
				iban(input.bankAccount()), clean(input.taxId()), input.userId());
		return view(employees.saveAndFlush(employee));
	}

	/** Changes the given fields; the caller's {@code version} must be current (409 otherwise). */
	@Transactional
	public EmployeeView update(EmployeeId id, EmployeeInput input) {
		ReasonForChange.give(input.reason());
		Employee employee = find(id);
		Map<String, String> errors = new LinkedHashMap<>();
		if (input.version() == null) {
			errors.put("version", "Send the version you edited, to detect conflicting changes");
		}
		if (input.employeeCode() != null && clean(input.employeeCode()) == null) {
			errors.put("employeeCode", "The employee code cannot be empty");
		}
		if (input.name() != null && clean(input.name()) == null) {
			errors.put("name", "The name cannot be empty");
		}
		validate(input, errors, employee.id());
		java.time.LocalDate hire = input.hireDate() != null ? input.hireDate() : employee.hireDate();
		java.time.LocalDate leaving = input.leavingDate() != null ? input.leavingDate() : employee.leavingDate();
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
				input.designationId() != null ? input.designationId() : employee.designationId(), hire, leaving,
				input.status() != null ? input.status() : employee.status(),
				input.bankAccount() != null ? iban(input.bankAccount()) : employee.bankAccount(),
				input.taxId() != null ? clean(input.taxId()) : employee.taxId(),
				input.userId() != null ? input.userId() : employee.userId());
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
			throw ProblemException.validation(Map.of("reason", why == null ? "Give a reason for the deletion"
					: "Use at most 1000 characters"));
		}
		if (version != null) {
			employee.requireVersion(version);
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
		return employees.findLive(id.value()).orElseThrow(() -> ProblemException.notFound("Employee"));
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
				clear ? e.taxId() : Masking.mask(e.taxId()), e.userId(),
				new Salary(e.salaryCurrency(), components(e)), e.version(), e.createdAt(), e.createdBy(),
				e.updatedAt(), e.updatedBy());
	}

	private void validate(EmployeeInput input, Map<String, String> errors, UUID self) {
		checkLength(errors, "employeeCode", input.employeeCode(), 50);
		checkLength(errors, "name", input.name(), 200);
		checkLength(errors, "department", input.department(), 100);
		checkLength(errors, "reason", input.reason(), 1000);
		String code = clean(input.employeeCode());
		if (code != null && !errors.containsKey("employeeCode") && employees.codeTaken(code, self)) {
			errors.put("employeeCode", "Another employee has this code");
		}
		String email = clean(input.email());
		if (email != null && (email.length() > 254 || !EMAIL.matcher(email).matches())) {
			errors.put("email", "Enter a valid email address, like name@example.com");
		}
		if (input.hireDate() != null && input.leavingDate() != null && input.leavingDate().isBefore(input.hireDate())) {
			errors.put("leavingDate", "The leaving date cannot be before the hire date");
		}
		String bank = clean(input.bankAccount());
		if (bank != null && !Iban.valid(Iban.normalize(bank))) {
			errors.put("bankAccount", "Enter a valid IBAN; its check digits do not match");
		}
		String tax = clean(input.taxId());
		if (tax != null && !TAX_ID.matcher(tax).matches()) {
			errors.put("taxId", "Use 4 to 50 letters, digits, spaces, dots, slashes or dashes");
		}
		if (input.designationId() != null && !designationNames().containsKey(input.designationId())) {
			errors.put("designationId", "No such designation");
		}
		if (input.userId() != null) {
			Optional<UserAccount> user = identity.find(new UserId(input.userId()));
			if (user.isEmpty() || user.get().tier() == Tier.CUSTOMER) {
				errors.put("userId", "Link a staff user of this workspace");
			}
			else if (employees.userLinked(input.userId(), self)) {
				errors.put("userId", "This user is linked to another employee");
			}
		}
		if (input.salary() != null) {
			validateSalary(input.salary(), errors);
		}
	}

	static void validateSalary(Salary salary, Map<String, String> errors) {
		String currency = clean(salary.currency());
		if (currency == null || !isCurrency(currency)) {
			errors.put("salary.currency", "Use an ISO 4217 currency code, e.g. EUR");
		}
		List<SalaryComponent> components = salary.components() == null ? List.of() : salary.components();
		if (components.size() > 50) {
			errors.put("salary.components", "Use at most 50 components");
		}
		for (int i = 0; i < components.size(); i++) {
			SalaryComponent c = components.get(i);
			String at = "salary.components[" + i + "]";
			if (c == null) {
				errors.put(at, "Describe the component");
				continue;
			}
			String name = clean(c.name());
			if (name == null || name.length() > 100) {
				errors.put(at + ".name", "Name the component in 1 to 100 characters");
			}
			if (c.kind() == null) {
				errors.put(at + ".kind", "Choose EARNING or DEDUCTION");
			}
			if ((c.amount() == null) == (c.rate() == null)) {
				errors.put(at + ".amount", "Give either a fixed amount or a rate");
			}
			else if (c.amount() != null && (c.amount().signum() < 0 || c.amount().compareTo(new BigDecimal("1e12")) >= 0
					|| c.amount().scale() > 4)) {
				errors.put(at + ".amount", "Use a non-negative amount with at most four decimals");
			}
			else if (c.rate() != null && (c.rate().signum() < 0 || c.rate().compareTo(BigDecimal.ONE) > 0
					|| c.rate().scale() > 6)) {
				errors.put(at + ".rate", "Use a rate from 0 to 1, e.g. 0.05");
			}
		}
	}

	static boolean isCurrency(String code) {
		try {
			return Currency.getInstance(code.toUpperCase(Locale.ROOT)).getCurrencyCode().equals(code.toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
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

	private static void checkLength(Map<String, String> errors, String field, @Nullable String value, int max) {
		if (value != null && value.strip().length() > max) {
			errors.putIfAbsent(field, "Use at most " + max + " characters");
		}
	}

	private static String pick(@Nullable String change, String current) {
		return change != null ? change : current;
	}

	static @Nullable String clean(@Nullable String value) {
		if (value == null) {
			return null;
		}
		String stripped = value.strip();
		return stripped.isEmpty() ? null : stripped;
	}

	private static String escapeLike(String value) {
		return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

	private static String encode(Employee e) {
		return Base64.getUrlEncoder().withoutPadding()
			.encodeToString((e.id() + "\n" + e.name().toLowerCase(Locale.ROOT)).getBytes(StandardCharsets.UTF_8));
	}

	private static String[] decode(String cursor) {
		try {
			String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\n", 2);
			if (parts.length != 2) {
				throw new IllegalArgumentException("short cursor");
			}
			UUID.fromString(parts[0]);
			return parts;
		}
		catch (IllegalArgumentException ex) {
			throw ProblemException.validation(Map.of("cursor", "The cursor is not valid; start from the first page"));
		}
	}
}
