package io.prax.document;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A document's metadata as the API and the pages show it; {@code contentType} is sniffed
 * from the bytes.
 */
public record DocumentView(UUID id, String sha256, long size, String contentType, String fileName, String recordType,
		UUID recordId, long version, Instant createdAt, @Nullable UUID createdBy, Instant updatedAt,
		@Nullable UUID updatedBy) {
}
