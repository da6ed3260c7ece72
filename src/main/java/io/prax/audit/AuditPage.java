package io.prax.audit;

import java.util.List;

import org.jspecify.annotations.Nullable;

/** A page of events, newest first, and the cursor of the next (older) page. */
public record AuditPage(List<AuditEventView> items, @Nullable String nextCursor) {
}
