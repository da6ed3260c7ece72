package io.prax.payroll;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.validation.Validator;
import jakarta.validation.groups.Default;

import io.prax.platform.Validation;
import io.prax.platform.Validation.OnCreate;
import io.prax.platform.Validation.OnUpdate;
import org.springframework.stereotype.Component;

/**
 * Bean Validation of {@link EmployeeInput} for the API and the employee form alike, with
 * fields named as the request names them, rows included:
 * {@code salary.components[1].amount}.
 */
@Component
class EmployeeValidation {

	private final Validator validator;

	EmployeeValidation(Validator validator) {
		this.validator = validator;
	}

	Map<String, String> onCreate(EmployeeInput input) {
		return errors(input, Default.class, OnCreate.class);
	}

	Map<String, String> onUpdate(EmployeeInput input) {
		return errors(input, Default.class, OnUpdate.class);
	}

	private Map<String, String> errors(EmployeeInput input, Class<?>... groups) {
		Map<String, String> errors = new LinkedHashMap<>();
		validator.validate(input, groups)
			.stream()
			.map(v -> Map.entry(Validation.field(v), v.getMessage()))
			.sorted(Map.Entry.comparingByKey(Comparator.naturalOrder()))
			.forEach(e -> errors.putIfAbsent(e.getKey(), e.getValue()));
		return errors;
	}

}
