package io.prax.access;

/** One entry of the sidebar. */
public record NavEntry(String key, String label, String href) {
}
