package io.prax.session;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.prax.identity.CurrentUser;
import io.prax.platform.RequiresRecentAuthentication;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Enforces {@link RequiresRecentAuthentication} before the handler runs, after the permission check. */
@Component
class RecentAuthenticationInterceptor implements HandlerInterceptor, WebMvcConfigurer {

	private final SessionManagement sessions;

	RecentAuthenticationInterceptor(SessionManagement sessions) {
		this.sessions = sessions;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		// After the permission interceptor (registered without order): refusals for lack of permission come first.
		registry.addInterceptor(this).order(10);
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		if (handler instanceof HandlerMethod method
				&& (AnnotatedElementUtils.hasAnnotation(method.getMethod(), RequiresRecentAuthentication.class)
						|| AnnotatedElementUtils.hasAnnotation(method.getBeanType(), RequiresRecentAuthentication.class))) {
			sessions.requireRecentAuthentication(CurrentUser.require());
		}
		return true;
	}
}
