package io.prax.audit;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** Filters of the audit list; every one is optional. {@code to} is exclusive. */
public record AuditQuery(@Nullable String entityType, @Nullable String entityId, @Nullable UUID actorId,
		@Nullable String action, @Nullable Instant from, @Nullable Instant to) {

	public static AuditQuery all() {
		return new AuditQuery(null, null, null, null, null, null);
	}
}
