package io.prax.document;

import java.io.InputStream;

/**
 * A document's verified bytes, ready to send: {@code servedType} is the sniffed type when
 * it is passive content, else {@code application/octet-stream}. Close the stream when
 * done.
 */
public record DocumentContent(DocumentView document, String servedType, InputStream bytes) {
}
