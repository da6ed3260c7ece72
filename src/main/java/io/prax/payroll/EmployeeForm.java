package io.prax.payroll;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;

import org.jspecify.annotations.Nullable;

/**
 * The employee form as the page posts it: flat fields, and one value per salary component
 * in each of the repeated component fields. Rates are typed in percent. Unreadable dates,
 * numbers and choices become field errors named as the API names them, so they are shown
 * with the service's own.
 */
record EmployeeForm(String employeeCode, String name, String email, String department, String designationId,
		String hireDate, String leavingDate, String status, String bankAccount, String taxId, String userId,
		String currency, @Nullable Long version, String reason, List<Row> rows) {

	/** How a component is computed, as the page offers it. */
	static final String FIXED = "FIXED";
	static final String RATE = "RATE";

	/** One salary component row, as typed. */
	record Row(String name, String kind, String basis, String value) {

		static Row empty() {
			return new Row("", "EARNING", FIXED, "");
		}

		boolean blank() {
			return name.isBlank() && value.isBlank();
		}
	}

	static EmployeeForm empty() {
		return new EmployeeForm("", "", "", "", "", "", "", "ACTIVE", "", "", "", "EUR", null, "",
				List.of(Row.empty()));
	}

	static EmployeeForm of(EmployeeView e) {
		List<Row> rows = new ArrayList<>();
		List<SalaryComponent> components = e.salary().components() == null ? List.of() : e.salary().components();
		for (SalaryComponent c : components) {
			java.math.BigDecimal rateOfGross = c.rate();
			boolean rate = rateOfGross != null;
			String value = rateOfGross != null ? rateOfGross.movePointRight(2).stripTrailingZeros().toPlainString()
					: c.amount() == null ? "" : c.amount().toPlainString();
			rows.add(new Row(nz(c.name()), c.kind() == null ? "EARNING" : c.kind().name(), rate ? RATE : FIXED, value));
		}
		return new EmployeeForm(e.employeeCode(), e.name(), nz(e.email()), nz(e.department()),
				e.designationId() == null ? "" : e.designationId().toString(), e.hireDate().toString(),
				e.leavingDate() == null ? "" : e.leavingDate().toString(), e.status().name(), nz(e.bankAccount()),
				nz(e.taxId()), e.userId() == null ? "" : e.userId().toString(), nz(e.salary().currency()), e.version(),
				"", rows.isEmpty() ? List.of(Row.empty()) : List.copyOf(rows));
	}

	static EmployeeForm from(HttpServletRequest request) {
		String[] names = values(request, "componentName");
		String[] kinds = values(request, "componentKind");
		String[] bases = values(request, "componentBasis");
		String[] amounts = values(request, "componentValue");
		List<Row> rows = new ArrayList<>();
		for (int i = 0; i < names.length; i++) {
			rows.add(new Row(names[i], at(kinds, i), at(bases, i), at(amounts, i)));
		}
		String version = request.getParameter("version");
		Long parsedVersion = null;
		try {
			parsedVersion = version == null || version.isBlank() ? null : Long.valueOf(version.strip());
		}
		catch (NumberFormatException ex) {
			// a version that is not a number is sent as none: the service asks for it
		}
		return new EmployeeForm(param(request, "employeeCode"), param(request, "name"), param(request, "email"),
				param(request, "department"), param(request, "designationId"), param(request, "hireDate"),
				param(request, "leavingDate"), param(request, "status"), param(request, "bankAccount"),
				param(request, "taxId"), param(request, "userId"), param(request, "currency"), parsedVersion,
				param(request, "reason"), List.copyOf(rows));
	}

	EmployeeForm withRows(List<Row> changed) {
		return new EmployeeForm(employeeCode, name, email, department, designationId, hireDate, leavingDate, status,
				bankAccount, taxId, userId, currency, version, reason, List.copyOf(changed));
	}

	/**
	 * Adds, removes or moves a row ({@code add-row}, {@code remove-N}, {@code up-N},
	 * {@code down-N}) without saving; an unknown action changes nothing.
	 */
	EmployeeForm edited(String action) {
		List<Row> changed = new ArrayList<>(rows);
		Matcher m = ROW_ACTION.matcher(action);
		if (action.equals("add-row")) {
			changed.add(Row.empty());
		}
		else if (m.matches()) {
			int i = Integer.parseInt(m.group(2));
			if (i >= 0 && i < changed.size()) {
				switch (m.group(1)) {
					case "remove" -> changed.remove(i);
					case "up" -> {
						if (i > 0) {
							changed.add(i - 1, changed.remove(i));
						}
					}
					default -> {
						if (i < changed.size() - 1) {
							changed.add(i + 1, changed.remove(i));
						}
					}
				}
			}
		}
		if (changed.isEmpty()) {
			changed.add(Row.empty());
		}
		return withRows(changed);
	}

	private static final Pattern ROW_ACTION = Pattern.compile("(remove|up|down)-(\\d{1,3})");

	/**
	 * The input to send: every field is on the page, so a blank text clears it; blank
	 * rows are dropped. Values that cannot be read are left out of the input and reported
	 * in {@code unreadable}.
	 */
	EmployeeInput input(Map<String, String> unreadable) {
		List<SalaryComponent> components = new ArrayList<>();
		for (Row row : rows) {
			if (row.blank()) {
				continue;
			}
			String at = "salary.components[" + components.size() + "]";
			ComponentKind kind = kind(row.kind(), at + ".kind", unreadable);
			BigDecimal value = decimal(row.value(), at + ".amount", unreadable);
			boolean rate = RATE.equals(row.basis());
			BigDecimal fraction = rate && value != null ? value.movePointLeft(2) : null;
			components.add(new SalaryComponent(row.name(), kind, rate ? null : value, fraction));
		}
		return new EmployeeInput(employeeCode, name, email, department,
				uuid(designationId, "designationId", "Choose a designation from the list", unreadable),
				date(hireDate, "hireDate", unreadable), date(leavingDate, "leavingDate", unreadable),
				status(unreadable), bankAccount, taxId,
				uuid(userId, "userId", "Choose a user from the list", unreadable), new Salary(currency, components),
				version, reason.isBlank() ? null : reason);
	}

	/** The optional references left empty on the page: cleared on update. */
	Set<EmployeeManagement.Clearable> cleared() {
		Set<EmployeeManagement.Clearable> cleared = EnumSet.noneOf(EmployeeManagement.Clearable.class);
		if (leavingDate.isBlank()) {
			cleared.add(EmployeeManagement.Clearable.LEAVING_DATE);
		}
		if (designationId.isBlank()) {
			cleared.add(EmployeeManagement.Clearable.DESIGNATION);
		}
		if (userId.isBlank()) {
			cleared.add(EmployeeManagement.Clearable.USER);
		}
		return cleared;
	}

	/**
	 * The errors as the page shows them: keyed by input id
	 * ({@code salary.components[2].rate} is the value of the third non-blank row), with
	 * rates spoken of in percent as they are typed.
	 */
	Map<String, String> shown(Map<String, String> errors) {
		List<Integer> rowOf = new ArrayList<>();
		for (int i = 0; i < rows.size(); i++) {
			if (!rows.get(i).blank()) {
				rowOf.add(i);
			}
		}
		Map<String, String> shown = new LinkedHashMap<>();
		errors.forEach((field, message) -> {
			Matcher m = COMPONENT_FIELD.matcher(field);
			if (m.matches()) {
				int component = Integer.parseInt(m.group(1));
				int row = component < rowOf.size() ? rowOf.get(component) : component;
				String part = m.group(2) == null ? "" : m.group(2);
				String id = switch (part) {
					case "name" -> "component-name-" + row;
					case "kind" -> "component-kind-" + row;
					case "amount", "rate" -> "component-value-" + row;
					default -> "component-row-" + row;
				};
				shown.putIfAbsent(id, part.equals("rate") ? RATE_MESSAGE : message);
			}
			else {
				shown.putIfAbsent(switch (field) {
					case "salary.currency" -> "currency";
					case "salary", "salary.components" -> "salary-components";
					default -> field;
				}, message);
			}
		});
		return shown;
	}

	private static final String RATE_MESSAGE = "Use a rate from 0 to 100 percent with at most four decimals";

	private static final Pattern COMPONENT_FIELD = Pattern.compile("salary\\.components\\[(\\d+)](?:\\.(\\w+))?");

	private @Nullable EmployeeStatus status(Map<String, String> unreadable) {
		if (status.isBlank()) {
			return null;
		}
		try {
			return EmployeeStatus.valueOf(status.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			unreadable.putIfAbsent("status", "Choose active or inactive");
			return null;
		}
	}

	private static @Nullable ComponentKind kind(String value, String field, Map<String, String> unreadable) {
		try {
			return value.isBlank() ? null : ComponentKind.valueOf(value.strip());
		}
		catch (IllegalArgumentException ex) {
			unreadable.putIfAbsent(field, "Choose earning or deduction");
			return null;
		}
	}

	private static @Nullable BigDecimal decimal(String value, String field, Map<String, String> unreadable) {
		if (value.isBlank()) {
			return null;
		}
		try {
			return new BigDecimal(value.strip().replace(",", ""));
		}
		catch (NumberFormatException ex) {
			unreadable.putIfAbsent(field, "Enter a number, like 3000.00 or 5");
			return null;
		}
	}

	private static @Nullable LocalDate date(String value, String field, Map<String, String> unreadable) {
		if (value.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(value.strip());
		}
		catch (DateTimeParseException ex) {
			unreadable.putIfAbsent(field, "Enter a date as YYYY-MM-DD");
			return null;
		}
	}

	private static @Nullable UUID uuid(String value, String field, String message, Map<String, String> unreadable) {
		if (value.isBlank()) {
			return null;
		}
		try {
			return UUID.fromString(value.strip());
		}
		catch (IllegalArgumentException ex) {
			unreadable.putIfAbsent(field, message);
			return null;
		}
	}

	private static String param(HttpServletRequest request, String name) {
		String value = request.getParameter(name);
		return value == null ? "" : value;
	}

	private static String[] values(HttpServletRequest request, String name) {
		String[] values = request.getParameterValues(name);
		return values == null ? new String[0] : values;
	}

	private static String at(String[] values, int i) {
		return i < values.length ? values[i] : "";
	}

	private static String nz(@Nullable String value) {
		return value == null ? "" : value;
	}
}
