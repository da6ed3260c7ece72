package io.prax.session;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import io.prax.identity.CurrentUser;
import io.prax.identity.MfaManagement;
import io.prax.platform.ProblemException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.ModelAndView;

/**
 * The page that asks for the password (and code) before a sensitive action of the web UI.
 * It carries the action's path, method and form fields, so that
 * {@link ReauthenticationController} can complete it; the CSRF token is not carried (the
 * page's own form has a fresh one).
 */
@Component
class ReauthenticationPrompt {

	/** Names of the prompt's own fields; a carried form never uses them. */
	static final String PREFIX = "reauth.";
	static final String PATH = PREFIX + "path";
	static final String METHOD = PREFIX + "method";
	static final String PASSWORD = PREFIX + "password";
	static final String CODE = PREFIX + "code";
	static final String CANCEL = PREFIX + "cancel";

	/**
	 * At most this many carried values: a sensitive form has a few dozen (the override
	 * matrix, ~100).
	 */
	static final int MAX_FIELDS = 2_000;

	/** One carried form value. */
	record Field(String name, String value) {
	}

	private final MfaManagement mfa;

	ReauthenticationPrompt(MfaManagement mfa) {
		this.mfa = mfa;
	}

	/** The prompt for the request the interceptor stopped. */
	ModelAndView forRequest(HttpServletRequest request, CurrentUser user, @Nullable String error) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		boolean get = "GET".equals(request.getMethod());
		if (get && request.getQueryString() != null) {
			path = path + "?" + request.getQueryString();
		}
		return page(path, get ? "GET" : "POST", get ? List.of() : carried(request.getParameterMap()),
				cancel(request.getHeader("Referer"), request), user, error, HttpStatus.UNAUTHORIZED);
	}

	/** Back to the page the form was on, when it is one of ours; else the start page. */
	private static String cancel(@Nullable String referer, HttpServletRequest request) {
		try {
			java.net.URI uri = referer == null ? null : new java.net.URI(referer);
			if (uri != null && request.getServerName().equalsIgnoreCase(uri.getHost()) && uri.getRawPath() != null) {
				return ReauthenticationController
					.samePath(uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()), "/");
			}
		}
		catch (java.net.URISyntaxException ex) {
			// not a usable address: the start page
		}
		return "/";
	}

	/** The prompt again, after a wrong proof, with what it carried. */
	ModelAndView again(String path, String method, Map<String, String[]> parameters, String cancel, CurrentUser user,
			String error, HttpStatus status) {
		return page(path, method, carried(parameters), cancel, user, error, status);
	}

	/** The values of a form, without the CSRF token and the prompt's own fields. */
	static List<Field> carried(Map<String, String[]> parameters) {
		List<Field> fields = new ArrayList<>();
		parameters.forEach((name, values) -> {
			if (!name.equals("_csrf") && !name.startsWith(PREFIX)) {
				for (String value : values) {
					fields.add(new Field(name, value));
				}
			}
		});
		if (fields.size() > MAX_FIELDS) {
			// Never a shortened form: replaying part of it could change more than was
			// asked for.
			throw new ProblemException(HttpStatus.PAYLOAD_TOO_LARGE, "payload_too_large", "The form is too large");
		}
		return fields;
	}

	private ModelAndView page(String path, String method, List<Field> fields, String cancel, CurrentUser user,
			@Nullable String error, HttpStatus status) {
		ModelAndView page = new ModelAndView("auth/reauthenticate", status);
		page.addObject("reauthPath", path);
		page.addObject("reauthMethod", method);
		page.addObject("fields", fields);
		page.addObject("cancel", cancel);
		page.addObject("enrolled", mfa.enrolled(user.id()));
		page.addObject("error", error);
		page.addObject("email", user.email());
		return page;
	}

}
