package io.prax.invoicing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Currency;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * An ISO 4217 currency code with a minor unit (EUR, JPY, KWD; not XAU or XXX); null
 * passes.
 */
@Target({ ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.PARAMETER, ElementType.TYPE_USE })
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = IsoCurrency.Check.class)
public @interface IsoCurrency {

	String message() default "Use an ISO 4217 currency code, e.g. EUR or USD";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	class Check implements ConstraintValidator<IsoCurrency, String> {

		@Override
		public boolean isValid(String value, ConstraintValidatorContext context) {
			return value == null || valid(value);
		}

		static boolean valid(String value) {
			if (!value.matches("[A-Z]{3}")) {
				return false;
			}
			try {
				return Currency.getInstance(value).getDefaultFractionDigits() >= 0;
			}
			catch (IllegalArgumentException ex) {
				return false;
			}
		}

	}

}
