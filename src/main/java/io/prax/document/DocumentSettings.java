package io.prax.document;

import java.nio.file.Path;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code PRAX_BLOB_DIR}: where the file-system blob store keeps files;
 * {@code $PRAX_DATA_DIR/blobs} when unset.
 */
@ConfigurationProperties("prax.documents")
record DocumentSettings(@Nullable Path blobDir) {

	Path resolvedBlobDir(Path dataDir) {
		return blobDir != null && !blobDir.toString().isBlank() ? blobDir : dataDir.resolve("blobs");
	}
}
