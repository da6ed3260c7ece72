package io.prax.platform;

import java.time.Duration;

import org.springframework.http.HttpStatus;

/**
 * A refusal that passes with time (429 or 503): answered with a {@code Retry-After}
 * header.
 */
public class RetryLater extends ProblemException {

	private final long retryAfterSeconds;

	public RetryLater(HttpStatus status, String code, String detail, Duration retryAfter) {
		super(status, code, detail);
		this.retryAfterSeconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
	}

	/** Whole seconds, at least one. */
	public long retryAfterSeconds() {
		return retryAfterSeconds;
	}

}
