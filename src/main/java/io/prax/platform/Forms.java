package io.prax.platform;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

import jakarta.validation.ConstraintViolationException;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The one way a page's form fails. A handler hands its work and how to show the form
 * again; bad input and refusals the user can act on come back as a {@link Failure} on the
 * same form, while not-found and forbidden propagate to the error pages.
 */
public final class Forms {

	private static final String CORRECT_FIELDS = "Please correct the marked fields.";

	private Forms() {
	}

	/**
	 * What went wrong: messages per field, and one message for the alert at the top of
	 * the form.
	 */
	public record Failure(Map<String, String> fields, String message) {

		/** The first field's message, else the general one: for a one-line flash. */
		public String first() {
			return fields.values().stream().findFirst().orElse(message);
		}

		/**
		 * The same failure with field names as the page's inputs name them (e.g. without
		 * a nesting prefix).
		 */
		public Failure renamed(UnaryOperator<String> rename) {
			Map<String, String> renamed = new LinkedHashMap<>();
			fields.forEach((field, text) -> renamed.put(rename.apply(field), text));
			return new Failure(renamed, message);
		}
	}

	/**
	 * Runs {@code action} (which answers the view, usually a redirect); on failure
	 * answers {@code form}.
	 */
	public static String submit(Supplier<String> action, Function<Failure, String> form) {
		try {
			return action.get();
		}
		catch (ProblemException | ConstraintViolationException ex) {
			return form.apply(failure(ex));
		}
	}

	/**
	 * For small forms on a detail page (delete with a reason, an inline edit): on failure
	 * the page is shown again through {@code back} with the failure as a flash,
	 * {@code prefix} first.
	 */
	public static String submit(Supplier<String> action, RedirectAttributes redirect, String prefix, String back) {
		return submit(action, failure -> {
			redirect.addFlashAttribute("flash", prefix + failure.first());
			return back;
		});
	}

	/**
	 * A failure for the form, or the exception again when it belongs on an error page.
	 */
	static Failure failure(RuntimeException ex) {
		ProblemException problem = ex instanceof ConstraintViolationException violation ? Validation.problem(violation)
				: (ProblemException) ex;
		if (belongsOnErrorPage(problem)) {
			throw problem;
		}
		Map<String, String> fields = problem.fieldErrors();
		return new Failure(fields, fields.isEmpty() ? message(problem) : CORRECT_FIELDS);
	}

	/**
	 * Not found, and refusals by permission or feature gate; refusals of a grant are
	 * shown on the form.
	 */
	private static boolean belongsOnErrorPage(ProblemException problem) {
		return problem.status() == HttpStatus.NOT_FOUND || problem.code().equals("forbidden")
				|| problem.code().equals("feature_disabled");
	}

	private static String message(ProblemException problem) {
		@Nullable String detail = problem.getMessage();
		return detail == null ? problem.code() : detail;
	}

}
