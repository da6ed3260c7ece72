package io.prax.platform;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Currency;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import org.jspecify.annotations.Nullable;

/**
 * An ISO 4217 currency code in any case ({@code EUR}, {@code usd}); null or blank is
 * valid.
 */
@Documented
@Constraint(validatedBy = IsoCurrency.Validator.class)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE })
@Retention(RetentionPolicy.RUNTIME)
public @interface IsoCurrency {

	String message() default "Use the three-letter currency code, e.g. EUR or USD";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	final class Validator implements ConstraintValidator<IsoCurrency, String> {

		private static final Set<String> CODES = Currency.getAvailableCurrencies()
			.stream()
			.map(Currency::getCurrencyCode)
			.collect(Collectors.toUnmodifiableSet());

		@Override
		public boolean isValid(@Nullable String value, ConstraintValidatorContext context) {
			return value == null || value.isBlank() || CODES.contains(value.strip().toUpperCase(Locale.ROOT));
		}

	}

}
