package io.prax.payroll;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.regex.Pattern;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import org.jspecify.annotations.Nullable;

/**
 * A tax id as stored (surrounding spaces dropped): 4 to 50 letters, digits, spaces, dots,
 * slashes or dashes.
 */
@Documented
@Constraint(validatedBy = TaxIdentifier.Validator.class)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT })
@Retention(RetentionPolicy.RUNTIME)
@interface TaxIdentifier {

	String message() default "Use 4 to 50 letters, digits, spaces, dots, slashes or dashes";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	final class Validator implements ConstraintValidator<TaxIdentifier, String> {

		private static final Pattern TAX_ID = Pattern.compile("^[A-Za-z0-9 ./-]{4,50}$");

		@Override
		public boolean isValid(@Nullable String value, ConstraintValidatorContext context) {
			return value == null || value.isBlank() || TAX_ID.matcher(value.strip()).matches();
		}

	}

}
