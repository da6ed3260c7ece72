package io.prax.audit;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The audit trail's schedules ({@code prax.audit.*}); the scheduled jobs read the
 * intervals through their {@code @Scheduled} placeholders, with the same defaults.
 *
 * @param checkpointInterval how often each tenant's chain head is signed when it has
 * moved
 * @param requestLogRetention how long the per-request log is kept
 * @param requestLogMaintenanceInterval how often request-log partitions are created and
 * dropped
 */
@ConfigurationProperties("prax.audit")
record AuditProperties(@DefaultValue("5m") Duration checkpointInterval,
		@DefaultValue("400d") Duration requestLogRetention,
		@DefaultValue("6h") Duration requestLogMaintenanceInterval) {
}
