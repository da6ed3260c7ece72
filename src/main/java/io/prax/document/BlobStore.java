package io.prax.document;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

import io.prax.tenancy.TenantId;

/**
 * Content-addressed storage of document bytes, keyed by tenant and SHA-256: the same
 * bytes are stored once per tenant, never shared across tenants (so no tenant can learn
 * what another stored). The file system implementation is the default; an S3-compatible
 * store can replace it with a bean of this type.
 */
public interface BlobStore {

	/**
	 * Stores the file at {@code source}, whose SHA-256 the caller computed, atomically
	 * and durably: a reader sees the whole blob or none. When the blob exists already its
	 * bytes are kept, unless they no longer match (then the good copy replaces them).
	 * {@code source} may be moved or consumed.
	 */
	void put(TenantId tenant, String sha256, Path source) throws IOException;

	/**
	 * The stored bytes, as they are: callers check them against the SHA-256. Throws when
	 * the blob is missing.
	 */
	InputStream open(TenantId tenant, String sha256) throws IOException;

	/**
	 * A fresh temporary file where uploads and downloads are spooled, on the store's file
	 * system if it has one.
	 */
	Path newTempFile() throws IOException;

}
