package io.prax.platform;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.ModelAndView;

/**
 * Errors raised outside the controllers (security filters, the container) get the
 * product's error pages too.
 */
@Component
class ErrorPages implements ErrorViewResolver {

	@Override
	public ModelAndView resolveErrorView(HttpServletRequest request, HttpStatus status, Map<String, Object> model) {
		String view = switch (status) {
			case NOT_FOUND -> "error/404";
			case FORBIDDEN -> "error/403";
			default -> "error/error";
		};
		return new ModelAndView(view, Map.of("status", status.value(), "title", status.getReasonPhrase()), status);
	}

}
