package io.prax.platform;

import java.util.Map;
import java.util.TreeMap;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;

import org.jspecify.annotations.Nullable;

/**
 * Bean Validation groups and the one translation of violations into the
 * {@code validation_failed} problem: field paths as the request names them ({@code name},
 * {@code billingAddress.country}, {@code contacts[2].email}).
 */
public final class Validation {

	/** Constraints that apply when a record is created (e.g. a required name). */
	public interface OnCreate {

	}

	/** Constraints that apply when a record is changed (e.g. the version edited). */
	public interface OnUpdate {

	}

	private Validation() {
	}

	/**
	 * A value that a check before this line already required: a Bean Validation
	 * constraint on the request ({@code @NotNull}, {@code @NotBlank}) or an explicit test
	 * that refused a missing one. NullAway cannot see that check, so this says where it
	 * is; a null here is a programming error.
	 */
	public static <T> T checked(@Nullable T value) {
		if (value == null) {
			throw new IllegalStateException("A value the request's validation requires is missing");
		}
		return value;
	}

	public static ProblemException problem(ConstraintViolationException ex) {
		Map<String, String> errors = new TreeMap<>();
		for (ConstraintViolation<?> violation : ex.getConstraintViolations()) {
			errors.putIfAbsent(field(violation), violation.getMessage());
		}
		return ProblemException.validation(errors);
	}

	/**
	 * The request's name for a violated value, list indexes and map keys included
	 * ({@code salary.components[1].amount}, {@code contacts[2].email}, {@code tags[0]}):
	 * the method is dropped, and a parameter is named only when the violation is on the
	 * parameter itself or on one of its elements (not on one of its properties).
	 */
	public static String field(ConstraintViolation<?> violation) {
		return field(violation.getPropertyPath());
	}

	static String field(Path path) {
		StringBuilder field = new StringBuilder();
		String parameter = "";
		for (Path.Node node : path) {
			if (node.getKind() == ElementKind.PARAMETER) {
				parameter = node.getName();
				continue;
			}
			if (node.isInIterable() && (node.getIndex() != null || node.getKey() != null)) {
				field.append('[').append(node.getIndex() != null ? node.getIndex() : node.getKey()).append(']');
			}
			// container elements are named "<list element>": their index above is the
			// name
			if (node.getKind() == ElementKind.PROPERTY && node.getName() != null) {
				field.append(field.isEmpty() ? "" : ".").append(node.getName());
			}
		}
		if (field.isEmpty()) {
			return parameter;
		}
		return field.charAt(0) == '[' ? parameter + field : field.toString();
	}

}
