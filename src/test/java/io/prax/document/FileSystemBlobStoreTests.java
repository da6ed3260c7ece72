package io.prax.document;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.UUID;

import io.prax.tenancy.TenantId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Blobs on disk: per tenant, under their hash, written whole, never two copies in one
 * tenant.
 */
class FileSystemBlobStoreTests {

	static final TenantId A = new TenantId(UUID.randomUUID());
	static final TenantId B = new TenantId(UUID.randomUUID());

	@TempDir
	Path dir;

	@Test
	void storesUnderTheTenantAndHashAndLeavesNoTemporaryFile() throws Exception {
		FileSystemBlobStore store = new FileSystemBlobStore(dir);
		String sha = put(store, A, "hello");

		Path blob = store.pathOf(A, sha);
		assertThat(blob).isEqualTo(dir.resolve(A.toString()).resolve(sha.substring(0, 2)).resolve(sha));
		assertThat(Files.readString(blob)).isEqualTo("hello");
		try (InputStream in = store.open(A, sha)) {
			assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("hello");
		}
		try (var temp = Files.list(dir.resolve(".tmp"))) {
			assertThat(temp).isEmpty();
		}
	}

	@Test
	void keepsOneCopyPerTenantAndSeparateCopiesAcrossTenants() throws Exception {
		FileSystemBlobStore store = new FileSystemBlobStore(dir);
		String sha = put(store, A, "same bytes");
		Files.setLastModifiedTime(store.pathOf(A, sha), java.nio.file.attribute.FileTime.fromMillis(0));
		put(store, A, "same bytes");
		put(store, B, "same bytes");

		assertThat(Files.getLastModifiedTime(store.pathOf(A, sha)).toMillis()).isZero();
		assertThat(store.pathOf(B, sha)).exists();
		assertThatThrownBy(() -> store.open(new TenantId(UUID.randomUUID()), sha))
			.isInstanceOf(NoSuchFileException.class);
	}

	@Test
	void replacesACorruptedBlobWithTheGoodBytes() throws Exception {
		FileSystemBlobStore store = new FileSystemBlobStore(dir);
		String sha = put(store, A, "original");
		Files.writeString(store.pathOf(A, sha), "rotten");

		put(store, A, "original");

		assertThat(Files.readString(store.pathOf(A, sha))).isEqualTo("original");
	}

	@Test
	void refusesKeysThatAreNotAHash() throws Exception {
		FileSystemBlobStore store = new FileSystemBlobStore(dir);

		assertThatThrownBy(() -> store.open(A, "../../etc/passwd")).isInstanceOf(IllegalArgumentException.class);
	}

	private static String put(FileSystemBlobStore store, TenantId tenant, String content) throws Exception {
		Path source = store.newTempFile();
		Files.writeString(source, content);
		String sha = Digesting.sha256(source);
		store.put(tenant, sha, source);
		return sha;
	}

}
