package io.prax.access;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Enforces {@link RequiresPermission} before any page or API handler runs. */
@Component
class PermissionInterceptor implements HandlerInterceptor, WebMvcConfigurer {

	private final AccessPolicy access;

	PermissionInterceptor(AccessPolicy access) {
		this.access = access;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(this);
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		if (handler instanceof HandlerMethod method) {
			RequiresPermission required = AnnotatedElementUtils.findMergedAnnotation(method.getMethod(),
					RequiresPermission.class);
			if (required == null) {
				required = AnnotatedElementUtils.findMergedAnnotation(method.getBeanType(), RequiresPermission.class);
			}
			if (required != null) {
				access.require(required.value());
			}
		}
		return true;
	}
}
