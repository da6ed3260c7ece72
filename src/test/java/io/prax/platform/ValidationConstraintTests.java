package io.prax.platform;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

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

	record Amount(@NotNull @Nullable BigDecimal amount) {
	}

	record Pay(List<@Valid Amount> components) {
	}

	record Contact(@EmailAddress @Nullable String email) {
	}

	record Nested(@Valid Pay salary, List<@Valid Contact> contacts, List<@NotBlank String> tags,
			Map<String, @Valid Contact> byRole) {
	}

	static class Service {

		void create(@Valid Nested request, List<@NotBlank String> labels) {
		}

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

	@Test
	void keepsListIndexesAndMapKeysInTheFieldNames() {
		Nested request = new Nested(new Pay(List.of(new Amount(BigDecimal.ONE), new Amount(null))),
				List.of(new Contact(null), new Contact("a@example.com"), new Contact("someone@localhost")),
				List.of(" ", "ok"), Map.of("billing", new Contact("nobody@localhost")));

		ProblemException problem = Validation.problem(new ConstraintViolationException(VALIDATOR.validate(request)));

		assertThat(problem.fieldErrors()).containsOnlyKeys("salary.components[1].amount", "contacts[2].email",
				"tags[0]", "byRole[billing].email");
	}

	@Test
	void keepsListIndexesOnAServiceMethodsParameters() throws NoSuchMethodException {
		Nested request = new Nested(new Pay(List.of(new Amount(null))), List.of(new Contact("someone@localhost")),
				List.of(), Map.of());
		Set<ConstraintViolation<Service>> violations = VALIDATOR.forExecutables()
			.validateParameters(new Service(), Service.class.getDeclaredMethod("create", Nested.class, List.class),
					new Object[] { request, List.of("fine", "") });

		ProblemException problem = Validation.problem(new ConstraintViolationException(violations));

		assertThat(problem.fieldErrors()).containsOnlyKeys("salary.components[0].amount", "contacts[0].email",
				"labels[1]");
	}

	private static Validator validator() {
		LocalValidatorFactoryBean factory = new LocalValidatorFactoryBean();
		factory.afterPropertiesSet();
		return factory;
	}

}
