package io.prax.invoicing;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.validation.Validator;

import io.prax.platform.ProblemException;
import io.prax.platform.Validation;
import org.springframework.stereotype.Component;

/**
 * Runs Bean Validation on a request record, for the API and the pages alike: 400 with a
 * message per field.
 */
@Component
class RequestValidation {

	private final Validator validator;

	RequestValidation(Validator validator) {
		this.validator = validator;
	}

	Map<String, String> errors(Object request) {
		Map<String, String> errors = new LinkedHashMap<>();
		validator.validate(request)
			.stream()
			.map(v -> Map.entry(Validation.field(v), v.getMessage()))
			.sorted(Map.Entry.comparingByKey(Comparator.naturalOrder()))
			.forEach(e -> errors.putIfAbsent(e.getKey(), e.getValue()));
		return errors;
	}

	void check(Object request) {
		Map<String, String> errors = errors(request);
		if (!errors.isEmpty()) {
			throw ProblemException.validation(errors);
		}
	}

}
