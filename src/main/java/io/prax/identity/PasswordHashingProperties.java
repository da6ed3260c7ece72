package io.prax.identity;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.context.properties.bind.Name;

/**
 * Bounded password hashing ({@code prax.password-hashing.*}).
 *
 * @param concurrency hashes computed at once; {@code 0} means twice the processors
 * @param slotWait ({@code wait}) how long a request waits for a free slot before
 * {@code 503 busy}
 */
@ConfigurationProperties("prax.password-hashing")
record PasswordHashingProperties(@DefaultValue("0") int concurrency,
		@Name("wait") @DefaultValue("250ms") Duration slotWait) {
}
