package io.prax.session;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.prax.identity.CurrentUser;
import io.prax.platform.Problems;
import io.prax.platform.ProblemException;
import io.prax.platform.RequiresRecentAuthentication;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndViewDefiningException;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Enforces {@link RequiresRecentAuthentication} before the handler runs, after the
 * permission check. The API answers 401 {@code reauthentication_required}; a page asks
 * for the proof instead and carries the original form to
 * {@link ReauthenticationController}, which replays it once the proof passes.
 */
@Component
class RecentAuthenticationInterceptor implements HandlerInterceptor, WebMvcConfigurer {

	private final StepUpAuthentication stepUp;

	private final ReauthenticationPrompt prompt;

	/**
	 * Whether each handler (bean type and method) is sensitive, looked up once: the
	 * annotations do not change while the application runs.
	 */
	private final Map<Map.Entry<Class<?>, Method>, Boolean> sensitiveHandlers = new ConcurrentHashMap<>();

	RecentAuthenticationInterceptor(StepUpAuthentication stepUp, ReauthenticationPrompt prompt) {
		this.stepUp = stepUp;
		this.prompt = prompt;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		// After the permission interceptor (registered without order): refusals for lack
		// of permission come first.
		registry.addInterceptor(this).order(10);
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
			throws ModelAndViewDefiningException {
		boolean sensitive = handler instanceof HandlerMethod method && sensitiveHandlers
			.computeIfAbsent(Map.entry(method.getBeanType(), method.getMethod()), key -> sensitive(method));
		if (request.getAttribute(ReauthenticationController.REPLAY) != null && !sensitive) {
			// The re-authentication endpoint forwards only to sensitive actions, never as
			// a general forwarder.
			throw new ProblemException(HttpStatus.BAD_REQUEST, "replay_refused",
					"Only a sensitive action is completed after confirming your password");
		}
		if (!sensitive) {
			return true;
		}
		CurrentUser user = CurrentUser.require();
		if (Problems.isApi(request)) {
			stepUp.requireRecentAuthentication(user);
		}
		else if (!stepUp.recentlyAuthenticated(user)) {
			// Nothing of the action runs: the page asks for the proof and carries the
			// form along.
			throw new ModelAndViewDefiningException(prompt.forRequest(request, user, null));
		}
		return true;
	}

	static boolean sensitive(HandlerMethod method) {
		return AnnotatedElementUtils.hasAnnotation(method.getMethod(), RequiresRecentAuthentication.class)
				|| AnnotatedElementUtils.hasAnnotation(method.getBeanType(), RequiresRecentAuthentication.class);
	}

}
