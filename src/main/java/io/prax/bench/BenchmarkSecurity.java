package io.prax.bench;

import io.prax.platform.PeerAddress;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The baselines measure the application without its security, so {@code /bench/**} gets a
 * chain of its own without authentication, CSRF or rate limits; it answers callers on
 * this machine only. Without the {@code benchmark} profile neither this chain nor any
 * {@code /bench} handler exists.
 */
@Configuration(proxyBeanMethods = false)
@Profile(BenchmarkProfile.NAME)
class BenchmarkSecurity {

	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE)
	SecurityFilterChain benchmarkFilterChain(HttpSecurity http) throws Exception {
		http.securityMatcher("/bench/**")
			.csrf(csrf -> csrf.disable())
			.sessionManagement(sessions -> sessions.disable())
			.requestCache(cache -> cache.disable())
			.authorizeHttpRequests(auth -> auth.anyRequest()
				.access((authentication,
						context) -> new AuthorizationDecision(PeerAddress.fromThisMachine(context.getRequest()))));
		return http.build();
	}

}
