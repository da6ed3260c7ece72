package io.prax.payroll;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import org.jspecify.annotations.Nullable;

/**
 * An IBAN whose ISO 13616 check digits match (spaces and case ignored); null or blank is
 * valid (cleared).
 */
@Documented
@Constraint(validatedBy = ValidIban.Validator.class)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT })
@Retention(RetentionPolicy.RUNTIME)
@interface ValidIban {

	String message() default "Enter a valid IBAN; its check digits do not match";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	final class Validator implements ConstraintValidator<ValidIban, String> {

		@Override
		public boolean isValid(@Nullable String value, ConstraintValidatorContext context) {
			return value == null || value.isBlank() || Iban.valid(Iban.normalize(value));
		}

	}

}
