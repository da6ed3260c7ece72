package io.prax.session;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Session bookkeeping ({@code prax.sessions.*}); {@link LastSeen} reads the interval
 * through its {@code @Scheduled} placeholder, with the same default.
 *
 * @param lastSeenFlush how often sessions' last-seen times are written
 */
@ConfigurationProperties("prax.sessions")
record SessionProperties(@DefaultValue("10s") Duration lastSeenFlush) {
}
