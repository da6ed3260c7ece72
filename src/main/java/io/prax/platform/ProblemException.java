package io.prax.platform;

import java.util.Map;

import org.springframework.http.HttpStatus;

/**
 * A failure the caller can act on: answered as an RFC 9457 problem with a stable
 * {@code code}. Modules subclass it with names that say what happened.
 */
public class ProblemException extends RuntimeException {

	private final HttpStatus status;

	private final String code;

	private final Map<String, String> fieldErrors;

	public ProblemException(HttpStatus status, String code, String detail) {
		this(status, code, detail, Map.of());
	}

	public ProblemException(HttpStatus status, String code, String detail, Map<String, String> fieldErrors) {
		super(detail);
		this.status = status;
		this.code = code;
		this.fieldErrors = Map.copyOf(fieldErrors);
	}

	/** The detail, never null: every constructor takes one. */
	@Override
	public String getMessage() {
		return String.valueOf(super.getMessage());
	}

	public HttpStatus status() {
		return status;
	}

	public String code() {
		return code;
	}

	/**
	 * Extra members of the problem beside {@code code} (e.g. the permissions a grant
	 * lacked); empty by default.
	 */
	public Map<String, Object> properties() {
		return Map.of();
	}

	/** Field name to message, for validation failures; empty otherwise. */
	public Map<String, String> fieldErrors() {
		return fieldErrors;
	}

	public static ProblemException notFound(String what) {
		return new ProblemException(HttpStatus.NOT_FOUND, "not_found", what + " not found");
	}

	public static ProblemException validation(Map<String, String> fieldErrors) {
		return new ProblemException(HttpStatus.BAD_REQUEST, "validation_failed", "The request has invalid fields",
				fieldErrors);
	}

	public static ProblemException versionConflict() {
		return new ProblemException(HttpStatus.CONFLICT, "version_conflict",
				"The record was changed by someone else; reload it and apply your change again");
	}

	public static ProblemException forbidden() {
		return new ProblemException(HttpStatus.FORBIDDEN, "forbidden", "You do not have permission to do this");
	}

}
