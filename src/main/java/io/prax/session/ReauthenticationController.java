package io.prax.session;

import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import io.prax.identity.CurrentUser;
import io.prax.platform.ProblemException;
import io.prax.platform.RetryLater;
import io.prax.platform.SignedInOnly;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * Step-up in the web UI: the prompt of {@link RecentAuthenticationInterceptor} posts here
 * with the proof and the original form. A right proof marks the session as recently
 * authenticated and then completes the original action in this same request (a forward
 * inside the application, so it is the same user's request, checked again for its
 * permission; CSRF was checked on this post). A wrong proof counts toward the lockout,
 * and nothing of the action runs.
 */
@Controller
class ReauthenticationController {

	/**
	 * Request attribute of a replayed action: the interceptor lets it reach only
	 * sensitive handlers.
	 */
	static final String REPLAY = ReauthenticationController.class.getName() + ".replay";

	private final StepUpAuthentication stepUp;

	private final ReauthenticationPrompt prompt;

	ReauthenticationController(StepUpAuthentication stepUp, ReauthenticationPrompt prompt) {
		this.stepUp = stepUp;
		this.prompt = prompt;
	}

	@PostMapping("/reauthenticate")
	@SignedInOnly("one's own password (and code) again, then the sensitive action it was asked for")
	@Nullable ModelAndView reauthenticate(HttpServletRequest request, HttpServletResponse response)
			throws ServletException, IOException {
		CurrentUser me = CurrentUser.require();
		String method = "GET".equals(request.getParameter(ReauthenticationPrompt.METHOD)) ? "GET" : "POST";
		String path = replayable(request.getParameter(ReauthenticationPrompt.PATH), method);
		String cancel = samePath(request.getParameter(ReauthenticationPrompt.CANCEL), "/");
		try {
			stepUp.reauthenticate(request.getParameter(ReauthenticationPrompt.PASSWORD),
					request.getParameter(ReauthenticationPrompt.CODE));
		}
		catch (RetryLater ex) {
			response.setHeader("Retry-After", Long.toString(ex.retryAfterSeconds()));
			return prompt.again(path, method, request.getParameterMap(), cancel, me,
					io.prax.identity.PasswordHashing.BUSY.equals(ex.code())
							? "Prax is very busy right now. Try again in a moment."
							: "Too many wrong attempts. Try again in " + Math.max(1, (ex.retryAfterSeconds() + 59) / 60)
									+ " minutes, or ask another administrator to unlock your account.",
					ex.status());
		}
		catch (ProblemException ex) {
			if (ex.status() != HttpStatus.UNAUTHORIZED && !"validation_failed".equals(ex.code())) {
				throw ex;
			}
			return prompt.again(path, method, request.getParameterMap(), cancel, me,
					"invalid_credentials".equals(ex.code()) ? "The password is not correct."
							: "validation_failed".equals(ex.code()) ? "The password is too long."
									: "The code is not correct or was already used. Try the next code.",
					HttpStatus.UNAUTHORIZED);
		}
		if (method.equals("GET")) {
			return new ModelAndView("redirect:" + path);
		}
		request.setAttribute(REPLAY, Boolean.TRUE);
		request.getRequestDispatcher(path).forward(new Replayed(request), response);
		return null;
	}

	/**
	 * The action to complete: a path of this application (never another origin, never the
	 * API, never this endpoint again), else 400 {@code replay_refused} before anything is
	 * checked.
	 */
	private static String replayable(@Nullable String path, String method) {
		String same = samePath(path, "");
		if (same.isEmpty() || same.startsWith("/api/") || same.startsWith("/reauthenticate")
				|| (method.equals("POST") && same.contains("?"))) {
			throw new ProblemException(HttpStatus.BAD_REQUEST, "replay_refused",
					"Only a sensitive action of Prax is completed after confirming your password");
		}
		return same;
	}

	/**
	 * A path on this site: no scheme, no other host, no backslash, dot segment or control
	 * character.
	 */
	static String samePath(@Nullable String path, String otherwise) {
		if (path == null || path.length() > 2048 || !path.startsWith("/") || path.startsWith("//")
				|| path.contains("\\") || path.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
			return otherwise;
		}
		String route = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
		for (String segment : route.split("/", -1)) {
			String decoded = segment.replace("%2e", ".").replace("%2E", ".");
			if (decoded.equals(".") || decoded.equals("..") || segment.contains(";")) {
				return otherwise;
			}
		}
		return path;
	}

	/**
	 * The original form as the action sees it: without the proof and the prompt's own
	 * fields.
	 */
	static final class Replayed extends HttpServletRequestWrapper {

		Replayed(HttpServletRequest request) {
			super(request);
		}

		@Override
		public @Nullable String getParameter(String name) {
			return name.startsWith(ReauthenticationPrompt.PREFIX) ? null : super.getParameter(name);
		}

		@Override
		public Map<String, String[]> getParameterMap() {
			Map<String, String[]> parameters = new LinkedHashMap<>();
			super.getParameterMap().forEach((name, values) -> {
				if (!name.startsWith(ReauthenticationPrompt.PREFIX)) {
					parameters.put(name, values);
				}
			});
			return Collections.unmodifiableMap(parameters);
		}

		@Override
		public Enumeration<String> getParameterNames() {
			return Collections.enumeration(getParameterMap().keySet());
		}

		@Override
		public String @Nullable [] getParameterValues(String name) {
			return name.startsWith(ReauthenticationPrompt.PREFIX) ? null : super.getParameterValues(name);
		}

	}

}
