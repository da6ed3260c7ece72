package io.prax.platform;

import java.util.Set;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.validation.beanvalidation.LocalValidatorFactoryBean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The platform's own constraints and the translation of violations into the validation
 * problem.
 */
class ValidationConstraintTests {

	record Sample(@EmailAddress @Nullable String email, @IsoCountry @Nullable String country,
			@IsoCurrency @Nullable String currency) {
	}

	private static final Validator VALIDATOR = validator();

	@Test
	void acceptsAbsentOrValidValues() {
		assertThat(VALIDATOR.validate(new Sample(null, null, null))).isEmpty();
		assertThat(VALIDATOR.validate(new Sample("", " ", ""))).isEmpty();
		assertThat(VALIDATOR.validate(new Sample("name@example.com", "de", "eur"))).isEmpty();
	}

	@Test
	void refusesWhatMailOrIsoWouldNotKnow() {
		Set<ConstraintViolation<Sample>> violations = VALIDATOR.validate(new Sample("someone@localhost", "XX", "EURO"));

		ProblemException problem = Validation.problem(new ConstraintViolationException(violations));

		assertThat(problem.code()).isEqualTo("validation_failed");
		assertThat(problem.fieldErrors()).containsEntry("email", "Enter a valid email address, like name@example.com")
			.containsEntry("country", "Use the two-letter country code, e.g. DE or US")
			.containsEntry("currency", "Use the three-letter currency code, e.g. EUR or USD");
	}

	private static Validator validator() {
		LocalValidatorFactoryBean factory = new LocalValidatorFactoryBean();
		factory.afterPropertiesSet();
		return factory;
	}

}
