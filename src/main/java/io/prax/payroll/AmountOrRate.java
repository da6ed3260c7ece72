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
 * A salary component has exactly one of a fixed amount and a rate; the violation is
 * reported on {@code amount}.
 */
@Documented
@Constraint(validatedBy = AmountOrRate.Validator.class)
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@interface AmountOrRate {

	String message() default "Give either a fixed amount or a rate";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	final class Validator implements ConstraintValidator<AmountOrRate, SalaryComponent> {

		@Override
		public boolean isValid(@Nullable SalaryComponent component, ConstraintValidatorContext context) {
			if (component == null || (component.amount() == null) != (component.rate() == null)) {
				return true;
			}
			context.disableDefaultConstraintViolation();
			context.buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate())
				.addPropertyNode("amount")
				.addConstraintViolation();
			return false;
		}

	}

}
