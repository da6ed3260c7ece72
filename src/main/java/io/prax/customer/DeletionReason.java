package io.prax.customer;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The reason a soft delete keeps: required, at most 1000 characters. */
@Documented
@NotBlank(message = "Give a reason for the deletion")
@Size(max = 1000, message = "Use at most 1000 characters")
@Constraint(validatedBy = {})
@Target({ ElementType.PARAMETER, ElementType.FIELD, ElementType.RECORD_COMPONENT })
@Retention(RetentionPolicy.RUNTIME)
@interface DeletionReason {

	String message() default "Give a reason for the deletion";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

}
