package io.prax.access;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Objects;
import java.util.stream.Stream;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.prax.identity.CurrentUser;
import io.prax.platform.ProblemException;
import io.prax.platform.PublicEndpoint;
import io.prax.platform.SignedInOnly;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The one enforcement point for permissions: every page and API handler of Prax declares
 * {@link RequiresPermission}, {@link SignedInOnly} or {@link PublicEndpoint}, and this
 * checks it before the handler runs. A Prax handler that declares none is refused (fail
 * closed); HandlerGuardTests fails the build for it.
 */
@Component
class PermissionInterceptor implements HandlerInterceptor, WebMvcConfigurer {

	private static final Logger log = LoggerFactory.getLogger(PermissionInterceptor.class);

	private final AccessPolicy access;

	/**
	 * Each handler's guard by bean type and method (a method may be inherited), looked up
	 * once: merging annotations is measurable on every request, and they do not change
	 * while the application runs.
	 */
	private final Map<Map.Entry<Class<?>, Method>, Optional<Annotation>> guards = new ConcurrentHashMap<>();

	PermissionInterceptor(AccessPolicy access) {
		this.access = access;
	}

	/** What a handler declares; the method's declaration wins over its class's. */
	static @Nullable Annotation guardOf(HandlerMethod method) {
		Annotation onMethod = single(method.getMethod(), method);
		return onMethod != null ? onMethod : single(method.getBeanType(), method);
	}

	/**
	 * Whether Prax owns the handler (and so must declare a guard), rather than a library.
	 */
	static boolean ownHandler(HandlerMethod method) {
		return method.getBeanType().getName().startsWith("io.prax.");
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(this);
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		if (!(handler instanceof HandlerMethod method)) {
			return true;
		}
		Annotation guard = guards
			.computeIfAbsent(Map.entry(method.getBeanType(), method.getMethod()),
					key -> Optional.ofNullable(guardOf(method)))
			.orElse(null);
		if (guard instanceof RequiresPermission required) {
			for (Permission permission : required.value()) {
				access.require(permission);
			}
		}
		else if (guard instanceof SignedInOnly signedIn) {
			CurrentUser user = CurrentUser.require();
			if (signedIn.staff() && user.isCustomer()) {
				throw ProblemException.forbidden();
			}
		}
		else if (guard == null && ownHandler(method)) {
			log.error("Refused {} {}: handler {} declares no permission", request.getMethod(), request.getRequestURI(),
					method.getShortLogMessage());
			throw ProblemException.forbidden();
		}
		return true;
	}

	private static @Nullable Annotation single(java.lang.reflect.AnnotatedElement element, HandlerMethod method) {
		List<Annotation> found = Stream
			.of(AnnotatedElementUtils.findMergedAnnotation(element, RequiresPermission.class),
					AnnotatedElementUtils.findMergedAnnotation(element, SignedInOnly.class),
					AnnotatedElementUtils.findMergedAnnotation(element, PublicEndpoint.class))
			.filter(Objects::nonNull)
			.map(Annotation.class::cast)
			.toList();
		if (found.size() > 1) {
			throw new IllegalStateException(method.getShortLogMessage() + " declares more than one guard: " + found);
		}
		return found.isEmpty() ? null : found.get(0);
	}

}
