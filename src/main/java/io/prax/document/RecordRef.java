package io.prax.document;

import java.util.UUID;

/**
 * The record a document is attached to: its type ({@code customer}, {@code invoice}, …)
 * and id.
 */
public record RecordRef(String type, UUID id) {
}
