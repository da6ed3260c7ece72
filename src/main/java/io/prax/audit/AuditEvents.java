package io.prax.audit;

import java.util.Map;

import io.prax.tenancy.TenantContext;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Events that modules raise themselves, beside the record changes {@link AuditCapture}
 * sees: a failed integrity check, a download of a protected file. Written in the current
 * transaction when one is writing, else in a transaction of its own, so the event stays
 * even when the request then fails.
 */
@Service
public class AuditEvents {

	private final AuditWriter writer;

	AuditEvents(AuditWriter writer) {
		this.writer = writer;
	}

	/**
	 * Appends {@code action} on the record to the current tenant's chain, with
	 * {@code details} as its changes.
	 */
	public void record(String action, String entityType, String entityId, Map<String, String> details,
			@Nullable String reason) {
		ObjectNode changes = JsonNodeFactory.instance.objectNode();
		details.forEach(changes::put);
		writer.record(TenantContext.require(),
				new AuditEntry(AuditEntry.Actor.current(), action, entityType, entityId, changes, reason));
	}

}
