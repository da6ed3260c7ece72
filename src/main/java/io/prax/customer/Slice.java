package io.prax.customer;

import java.util.List;

import org.jspecify.annotations.Nullable;

/** One page of a list and the opaque cursor of the next, null on the last page. */
public record Slice<T>(List<T> items, @Nullable String nextCursor) {
}
