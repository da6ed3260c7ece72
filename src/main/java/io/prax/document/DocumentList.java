package io.prax.document;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One page of a record's documents, newest first, and the opaque cursor of the next, null
 * on the last page.
 */
public record DocumentList(List<DocumentView> items, @Nullable String nextCursor) {
}
