package io.prax.audit;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** One audit event as the API and the Audit page show it. */
public record AuditEventView(long seq, Instant occurredAt, @Nullable UUID actorId, @Nullable String actorName,
		@Nullable String actorTier, @Nullable UUID sessionId, @Nullable String ip, @Nullable String userAgent,
		String action, @Nullable String entityType, @Nullable String entityId, @Nullable JsonNode changes,
		@Nullable String reason, String previousChecksum, String checksum) {

	static AuditEventView of(AuditRecord r) {
		return new AuditEventView(r.seq(), r.occurredAt(), r.actorId(), r.actorName(), r.actorTier(), r.sessionId(),
				r.ip(), r.userAgent(), r.action(), r.entityType(), r.entityId(), r.changes(), r.reason(),
				r.previousChecksum(), r.checksum());
	}
}
