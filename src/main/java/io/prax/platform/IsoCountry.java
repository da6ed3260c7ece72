package io.prax.platform;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Locale;
import java.util.Set;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import org.jspecify.annotations.Nullable;

/**
 * An ISO 3166-1 alpha-2 country code in any case ({@code de}, {@code US}); null or blank
 * is valid.
 */
@Documented
@Constraint(validatedBy = IsoCountry.Validator.class)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE })
@Retention(RetentionPolicy.RUNTIME)
public @interface IsoCountry {

	String message() default "Use the two-letter country code, e.g. DE or US";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	final class Validator implements ConstraintValidator<IsoCountry, String> {

		private static final Set<String> CODES = Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA2);

		@Override
		public boolean isValid(@Nullable String value, ConstraintValidatorContext context) {
			return value == null || value.isBlank() || CODES.contains(value.strip().toUpperCase(Locale.ROOT));
		}

	}

}
