package io.prax.platform;

import javax.sql.DataSource;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Servlet filters that protect every node: rate limits per route family. */
@Configuration(proxyBeanMethods = false)
class WebHardeningConfiguration {

	/** After the security filter chain (order -100), so the caller is known. */
	static final int RATE_LIMIT_ORDER = -90;

	@Bean
	RateLimitFilter rateLimitFilter(RateLimitSettings settings, DataSource dataSource) {
		return new RateLimitFilter(settings, dataSource);
	}

	@Bean
	FilterRegistrationBean<RateLimitFilter> rateLimitFilterRegistration(RateLimitFilter filter) {
		FilterRegistrationBean<RateLimitFilter> registration = new FilterRegistrationBean<>(filter);
		registration.setOrder(RATE_LIMIT_ORDER);
		return registration;
	}
}
