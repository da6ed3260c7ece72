package io.prax.platform;

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
 * An address mail can be sent to: one {@code @}, a dotted domain, at most 254 characters.
 * Stricter than {@code @Email}, which accepts {@code someone@localhost}. Null or blank is
 * valid (the field is cleared).
 */
@Documented
@Constraint(validatedBy = EmailAddress.Validator.class)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE })
@Retention(RetentionPolicy.RUNTIME)
public @interface EmailAddress {

	String message() default "Enter a valid email address, like name@example.com";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	final class Validator implements ConstraintValidator<EmailAddress, String> {

		private static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]{2,}$");

		@Override
		public boolean isValid(@Nullable String value, ConstraintValidatorContext context) {
			if (value == null || value.isBlank()) {
				return true;
			}
			String email = value.strip();
			return email.length() <= 254 && EMAIL.matcher(email).matches();
		}

	}

}
