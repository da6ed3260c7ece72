package io.prax.platform;

import java.util.List;

import javax.sql.DataSource;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

/**
 * Servlet filters and settings that protect every node: the nonce
 * Content-Security-Policy, the JSON body limit, rate limits per route family, and the
 * CORS allow-list.
 */
@Configuration(proxyBeanMethods = false)
class WebHardeningConfiguration {

	/**
	 * Before the security filter chain (order -100), so even refused requests carry the
	 * policy.
	 */
	static final int CSP_ORDER = -120;
	static final int BODY_LIMIT_ORDER = -110;

	@Bean
	FilterRegistrationBean<ContentSecurityPolicyFilter> contentSecurityPolicyFilter() {
		FilterRegistrationBean<ContentSecurityPolicyFilter> registration = new FilterRegistrationBean<>(
				new ContentSecurityPolicyFilter());
		registration.setOrder(CSP_ORDER);
		return registration;
	}

	@Bean
	FilterRegistrationBean<RequestBodyLimitFilter> requestBodyLimitFilter(PraxProperties properties) {
		FilterRegistrationBean<RequestBodyLimitFilter> registration = new FilterRegistrationBean<>(
				new RequestBodyLimitFilter(properties.http().maxJsonBody().toBytes()));
		registration.setOrder(BODY_LIMIT_ORDER);
		return registration;
	}

	/**
	 * Placed in the security chain by {@link SecurityConfiguration}, before the CSRF
	 * check.
	 */
	@Bean
	RateLimitFilter rateLimitFilter(RateLimitSettings settings, DataSource dataSource) {
		return new RateLimitFilter(settings, dataSource);
	}

	/**
	 * Other origins may call the API only when listed in
	 * {@code prax.cors.allowed-origins}, and never with cookies: the API takes bearer
	 * tokens, the cookies belong to Prax's own pages.
	 */
	@Bean
	CorsConfigurationSource corsConfigurationSource(PraxProperties properties) {
		return allowing(properties.cors().allowedOrigins());
	}

	CorsConfigurationSource allowing(List<String> allowedOrigins) {
		List<String> origins = allowedOrigins.stream().map(String::strip).filter(o -> !o.isEmpty()).toList();
		if (origins.stream().anyMatch(o -> o.contains("*"))) {
			throw new IllegalStateException("prax.cors.allowed-origins must list exact origins, not a wildcard");
		}
		UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
		if (!origins.isEmpty()) {
			CorsConfiguration api = new CorsConfiguration();
			api.setAllowedOrigins(origins);
			api.setAllowedMethods(List.of("GET", "POST", "PUT", "PATCH", "DELETE"));
			api.setAllowedHeaders(List.of("Authorization", "Content-Type", "If-Match"));
			api.setExposedHeaders(List.of("Retry-After", "ETag", "Location"));
			api.setAllowCredentials(false);
			api.setMaxAge(600L);
			source.registerCorsConfiguration("/api/**", api);
		}
		return source;
	}

}
