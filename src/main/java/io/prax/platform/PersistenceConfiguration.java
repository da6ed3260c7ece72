package io.prax.platform;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.auditing.DateTimeProvider;
import org.springframework.data.jpa.repository.config.EnableJpaAuditing;

/**
 * ALCOA+ fields are filled from the server clock and from the authenticated user
 * ({@code auditorAware} bean).
 */
@Configuration(proxyBeanMethods = false)
@EnableJpaAuditing(dateTimeProviderRef = "serverClockTime", auditorAwareRef = "auditorAware")
class PersistenceConfiguration {

	@Bean
	DateTimeProvider serverClockTime(Clock clock) {
		return () -> Optional.of(Instant.now(clock));
	}

}
