package io.prax.platform;

import java.time.Duration;

import org.springframework.http.HttpStatus;

/**
 * Too many requests: answered 429 {@code rate_limited} with a {@code Retry-After} header.
 */
public class RateLimited extends RetryLater {

	public RateLimited(Duration retryAfter) {
		super(HttpStatus.TOO_MANY_REQUESTS, "rate_limited", "Too many requests; try again later", retryAfter);
	}

}
