package io.prax.platform;

import java.time.Duration;

import org.springframework.http.HttpStatus;

/** Too many requests: answered 429 {@code rate_limited} with a {@code Retry-After} header. */
public class RateLimited extends ProblemException {

	private final long retryAfterSeconds;

	public RateLimited(Duration retryAfter) {
		super(HttpStatus.TOO_MANY_REQUESTS, "rate_limited", "Too many requests; try again later");
		this.retryAfterSeconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
	}

	/** Whole seconds, at least one. */
	public long retryAfterSeconds() {
		return retryAfterSeconds;
	}
}
