package io.prax.access;

import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.prax.platform.PublicEndpoint;
import io.prax.platform.SignedInOnly;
import io.prax.support.PraxIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 8, item 2: every handler method of the application declares its guard: a
 * permission ({@link RequiresPermission}), or, reviewed in the code with a reason,
 * {@link SignedInOnly} or {@link PublicEndpoint}. Administration paths always need a
 * permission. Handlers of libraries are listed here.
 */
@PraxIntegrationTest
class HandlerGuardTests {

	/**
	 * Library handlers, reviewed: the OpenAPI document is public by design (README),
	 * errors render a page.
	 */
	private static final Set<String> REVIEWED_LIBRARY_HANDLERS = Set.of(
			"org.springdoc.webmvc.api.OpenApiWebMvcResource",
			"org.springframework.boot.webmvc.autoconfigure.error.BasicErrorController");

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mapping;

	@Test
	void everyHandlerIsGuardedOrReviewedAsPublic() {
		Map<RequestMappingInfo, HandlerMethod> handlers = mapping.getHandlerMethods();
		List<String> unguarded = new ArrayList<>();
		List<String> library = new ArrayList<>();
		for (var entry : handlers.entrySet()) {
			HandlerMethod method = entry.getValue();
			if (!PermissionInterceptor.ownHandler(method)) {
				library.add(method.getBeanType().getName());
				continue;
			}
			Annotation guard = PermissionInterceptor.guardOf(method);
			if (guard == null) {
				unguarded.add(entry.getKey() + " -> " + method.getShortLogMessage());
			}
			else if (guard instanceof SignedInOnly signedIn) {
				assertThat(signedIn.value()).as("reason for %s", method).isNotBlank();
			}
			else if (guard instanceof PublicEndpoint open) {
				assertThat(open.value()).as("reason for %s", method).isNotBlank();
			}
		}
		assertThat(handlers).hasSizeGreaterThan(50);
		assertThat(unguarded).as("handlers without @RequiresPermission, @SignedInOnly or @PublicEndpoint").isEmpty();
		assertThat(library).as("library handlers outside the reviewed list")
			.allMatch(REVIEWED_LIBRARY_HANDLERS::contains);
	}

	@Test
	void administrationPathsAlwaysNeedAPermission() {
		List<String> weak = new ArrayList<>();
		mapping.getHandlerMethods().forEach((info, method) -> {
			boolean admin = info.getPatternValues()
				.stream()
				.anyMatch(path -> path.startsWith("/admin") || path.startsWith("/api/v1/admin"));
			if (admin && !(PermissionInterceptor.guardOf(method) instanceof RequiresPermission)) {
				weak.add(info + " -> " + method.getShortLogMessage());
			}
		});
		assertThat(weak).isEmpty();
	}

}
