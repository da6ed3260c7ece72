package io.prax.invoicing;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import io.prax.platform.ProblemException;
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
			.sorted(Comparator.comparing((ConstraintViolation<Object> v) -> v.getPropertyPath().toString()))
			.forEach(v -> errors.putIfAbsent(v.getPropertyPath().toString(), v.getMessage()));
		return errors;
	}

	void check(Object request) {
		Map<String, String> errors = errors(request);
		if (!errors.isEmpty()) {
			throw ProblemException.validation(errors);
		}
	}

}
