package io.prax.session;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.prax.support.PraxIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A page action needs a recent proof exactly when its API twin does: for every API
 * handler with {@code @RequiresRecentAuthentication}, the page handlers of the same path
 * without {@code /api/v1} (a POST for a change, and {@code …/delete} for a DELETE; a GET
 * for a GET) carry it too.
 */
@PraxIntegrationTest
class StepUpPairingTests {

	/** Page actions that change what an API twin changes under another path. */
	private static final Map<String, Set<String>> OTHER_TWINS = Map.of("POST /admin/feature-gates/restrictions",
			Set.of("PUT /api/v1/admin/feature-gates"), "POST /admin/feature-gates/restrictions/delete",
			Set.of("PUT /api/v1/admin/feature-gates"), "POST /admin/security-settings",
			Set.of("PUT /api/v1/admin/security-settings/password-policy"));

	/** Sensitive API actions without a page yet. */
	private static final Set<String> API_ONLY = Set.of("GET /api/v1/audit/export");

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mapping;

	record Handler(String call, HandlerMethod method) {
	}

	@Test
	void everyPageTwinOfASensitiveApiActionNeedsARecentProofToo() {
		List<Handler> handlers = new ArrayList<>();
		for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : mapping.getHandlerMethods().entrySet()) {
			Set<RequestMethod> methods = entry.getKey().getMethodsCondition().getMethods();
			for (String pattern : entry.getKey().getPatternValues()) {
				for (RequestMethod method : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
					handlers.add(new Handler(method + " " + pattern.replaceAll("\\{[^}]+}", "{}"), entry.getValue()));
				}
			}
		}
		List<String> sensitiveApi = handlers.stream()
			.filter(h -> h.call().contains(" /api/") && RecentAuthenticationInterceptor.sensitive(h.method()))
			.map(Handler::call)
			.toList();
		List<String> paired = new ArrayList<>();
		List<String> missing = new ArrayList<>();
		for (String api : sensitiveApi) {
			Set<String> twins = twinsOf(api);
			List<Handler> pages = handlers.stream()
				.filter(h -> twins.contains(h.call()) || OTHER_TWINS.getOrDefault(h.call(), Set.of()).contains(api))
				.toList();
			if (pages.isEmpty() && !API_ONLY.contains(api)) {
				missing.add(api + " has no page twin: add one with the annotation, or list it in API_ONLY");
			}
			for (Handler page : pages) {
				paired.add(page.call());
				if (!RecentAuthenticationInterceptor.sensitive(page.method())) {
					missing.add(page.call() + " (twin of " + api + ") lacks @RequiresRecentAuthentication");
				}
			}
		}
		assertThat(missing).isEmpty();
		// The list: roles, designations, overrides, feature gates, security
		// settings, MFA reset, revoke-all.
		assertThat(paired).contains("POST /admin/users/{}", "POST /admin/roles", "POST /admin/roles/{}",
				"POST /admin/roles/{}/delete", "POST /admin/designations", "POST /admin/designations/{}",
				"POST /admin/designations/{}/delete", "POST /admin/users/{}/overrides", "POST /admin/feature-gates",
				"POST /admin/feature-gates/restrictions", "POST /admin/security-settings",
				"POST /admin/users/{}/mfa/reset", "POST /admin/users/{}/sessions/revoke-all");
	}

	/**
	 * The page calls that do what an API call does: same path without /api/v1, a form
	 * POST for a change.
	 */
	private static Set<String> twinsOf(String api) {
		String method = api.substring(0, api.indexOf(' '));
		String path = api.substring(api.indexOf(' ') + 1).replaceFirst("^/api/v1", "");
		return switch (method) {
			case "GET" -> Set.of("GET " + path);
			case "DELETE" -> Set.of("POST " + path + "/delete", "POST " + path + "/deactivate");
			default -> Set.of("POST " + path);
		};
	}

}
