package io.prax.platform;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Request rate limits per route family ({@code prax.rate-limits.*}): each is
 * {@code capacity} requests per {@code period} for one client (the signed-in user, or
 * else the IP address). {@code unsynchronizedPercent} of an API family's capacity may be
 * admitted by one node before it syncs with the shared bucket (0: every request syncs).
 */
@ConfigurationProperties("prax.rate-limits")
public record RateLimitSettings(boolean enabled, Limit auth, Limit apiRead, Limit apiWrite, Limit export,
		@DefaultValue("10m") Duration cleanupInterval, @DefaultValue("5") int unsynchronizedPercent) {

	/** {@code capacity} requests, refilled evenly over {@code period}. */
	public record Limit(long capacity, Duration period) {
	}
}
