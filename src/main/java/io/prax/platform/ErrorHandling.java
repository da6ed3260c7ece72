package io.prax.platform;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.ConstraintViolationException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * The one place where failures become answers: RFC 9457 problems with a stable
 * {@code code} for the API, error pages in the product's style for the browser. Never a
 * stack trace.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class ErrorHandling {

	private static final Logger log = LoggerFactory.getLogger(ErrorHandling.class);

	@ExceptionHandler(ProblemException.class)
	Object problem(ProblemException ex, HttpServletRequest request, HttpServletResponse response) {
		if (ex instanceof RetryLater limited) {
			response.setHeader("Retry-After", Long.toString(limited.retryAfterSeconds()));
		}
		return answer(request, Problems.of(ex));
	}

	@ExceptionHandler(MethodArgumentNotValidException.class)
	Object invalid(MethodArgumentNotValidException ex, HttpServletRequest request) {
		Map<String, String> errors = new LinkedHashMap<>();
		ex.getBindingResult().getFieldErrors().forEach(e -> errors.putIfAbsent(e.getField(), e.getDefaultMessage()));
		return answer(request, Problems.of(ProblemException.validation(errors)));
	}

	/**
	 * Constraints on a handler's parameters ({@code @RequestParam @Size}, a
	 * {@code @Valid} body).
	 */
	@ExceptionHandler(HandlerMethodValidationException.class)
	Object invalidParameters(HandlerMethodValidationException ex, HttpServletRequest request) {
		Map<String, String> errors = new LinkedHashMap<>();
		ex.getParameterValidationResults().forEach(result -> result.getResolvableErrors().forEach(error -> {
			String field = error instanceof FieldError fieldError ? fieldError.getField()
					: result.getMethodParameter().getParameterName();
			errors.putIfAbsent(String.valueOf(field), error.getDefaultMessage());
		}));
		return answer(request, Problems.of(ProblemException.validation(errors)));
	}

	/**
	 * Constraints checked on a service method ({@code @Validated} bean): the same problem
	 * as the API's.
	 */
	@ExceptionHandler(ConstraintViolationException.class)
	Object violated(ConstraintViolationException ex, HttpServletRequest request) {
		return answer(request, Problems.of(Validation.problem(ex)));
	}

	@ExceptionHandler({ HttpMessageNotReadableException.class, MethodArgumentTypeMismatchException.class,
			MissingServletRequestParameterException.class, MissingServletRequestPartException.class,
			MultipartException.class })
	Object malformed(Exception ex, HttpServletRequest request) {
		if (org.springframework.core.NestedExceptionUtils
			.getRootCause(ex) instanceof RequestBodyLimitFilter.BodyTooLarge) {
			return answer(request, Problems.of(HttpStatus.PAYLOAD_TOO_LARGE, "payload_too_large",
					"The request body is too large", Map.of()));
		}
		return answer(request, Problems.of(HttpStatus.BAD_REQUEST, "malformed_request",
				"The request could not be read: check the JSON syntax, field types and required parameters", Map.of()));
	}

	@ExceptionHandler(HttpMediaTypeNotSupportedException.class)
	Object mediaType(HttpMediaTypeNotSupportedException ex, HttpServletRequest request) {
		return answer(request, Problems.of(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type",
				"Send JSON with Content-Type: application/json", Map.of()));
	}

	@ExceptionHandler(HttpRequestMethodNotSupportedException.class)
	Object method(HttpRequestMethodNotSupportedException ex, HttpServletRequest request) {
		return answer(request, Problems.of(HttpStatus.METHOD_NOT_ALLOWED, "method_not_allowed",
				"This method is not supported here", Map.of()));
	}

	@ExceptionHandler(NoResourceFoundException.class)
	Object noResource(NoResourceFoundException ex, HttpServletRequest request) {
		return answer(request, Problems.of(ProblemException.notFound("Page")));
	}

	@ExceptionHandler(MaxUploadSizeExceededException.class)
	Object tooLarge(MaxUploadSizeExceededException ex, HttpServletRequest request) {
		return answer(request,
				Problems.of(HttpStatus.PAYLOAD_TOO_LARGE, "payload_too_large", "The request is too large", Map.of()));
	}

	@ExceptionHandler(OptimisticLockingFailureException.class)
	Object conflict(OptimisticLockingFailureException ex, HttpServletRequest request) {
		return answer(request, Problems.of(ProblemException.versionConflict()));
	}

	@ExceptionHandler(DataIntegrityViolationException.class)
	Object integrity(DataIntegrityViolationException ex, HttpServletRequest request) {
		log.info("Refused by a database constraint: {}", ex.getMostSpecificCause().getMessage());
		return answer(request, Problems.of(HttpStatus.CONFLICT, "constraint_violation",
				"The change conflicts with existing data (a duplicate or a missing reference)", Map.of()));
	}

	@ExceptionHandler(AccessDeniedException.class)
	Object denied(AccessDeniedException ex, HttpServletRequest request) {
		return answer(request, Problems.of(ProblemException.forbidden()));
	}

	@ExceptionHandler(Exception.class)
	Object unexpected(Exception ex, HttpServletRequest request) {
		log.error("Unexpected failure on {} {}", request.getMethod(), request.getRequestURI(), ex);
		return answer(request, Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "internal_error",
				"Something went wrong on our side; nothing was changed", Map.of()));
	}

	private static Object answer(HttpServletRequest request, ProblemDetail problem) {
		if (Problems.isApi(request)) {
			return ResponseEntity.status(problem.getStatus())
				.contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
				.body(problem);
		}
		HttpStatus status = HttpStatus.valueOf(problem.getStatus());
		String view = switch (status) {
			case NOT_FOUND -> "error/404";
			case FORBIDDEN -> "error/403";
			default -> "error/error";
		};
		ModelAndView page = new ModelAndView(view, status);
		page.addObject("status", problem.getStatus());
		page.addObject("title", problem.getTitle());
		page.addObject("detail", problem.getDetail());
		return page;
	}

}
