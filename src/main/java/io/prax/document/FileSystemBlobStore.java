package io.prax.document;

import static java.util.Objects.requireNonNull;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Pattern;

import io.prax.tenancy.TenantId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Blobs as files {@code <root>/<tenant id>/<aa>/<sha256>}, written to a temporary file in
 * {@code <root>/.tmp}, forced to disk and renamed into place, so a crash never leaves
 * half a blob.
 */
class FileSystemBlobStore implements BlobStore {

	private static final Logger log = LoggerFactory.getLogger(FileSystemBlobStore.class);

	private static final Pattern SHA256 = Pattern.compile("^[0-9a-f]{64}$");

	/** Spools left behind by a killed process are removed at start-up. */
	private static final Duration STALE_TEMP = Duration.ofHours(1);

	private final Path root;

	private final Path temp;

	FileSystemBlobStore(Path root) throws IOException {
		this.root = root.toAbsolutePath().normalize();
		this.temp = this.root.resolve(".tmp");
		Files.createDirectories(temp);
		removeStaleTempFiles();
	}

	Path root() {
		return root;
	}

	/** Where the blob lives; public to tests through the package only. */
	Path pathOf(TenantId tenant, String sha256) {
		if (!SHA256.matcher(sha256).matches()) {
			throw new IllegalArgumentException("Not a lower-case hex SHA-256: " + sha256);
		}
		return root.resolve(tenant.value().toString()).resolve(sha256.substring(0, 2)).resolve(sha256);
	}

	@Override
	public void put(TenantId tenant, String sha256, Path source) throws IOException {
		Path target = pathOf(tenant, sha256);
		if (Files.exists(target)) {
			if (Digesting.sha256(target).equals(sha256)) {
				Files.deleteIfExists(source);
				return;
			}
			log.warn("Blob {} of tenant {} no longer matches its SHA-256; replacing it with the bytes just uploaded",
					sha256, tenant);
		}
		Path directory = requireNonNull(target.getParent(), "a blob lies in its tenant's directory");
		Files.createDirectories(directory);
		try (FileChannel channel = FileChannel.open(source, StandardOpenOption.WRITE)) {
			channel.force(true);
		}
		try {
			Files.move(source, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
		}
		catch (AtomicMoveNotSupportedException ex) {
			// The source was spooled elsewhere: copy next to the target first, then
			// rename atomically.
			Path local = Files.createTempFile(temp, "put-", ".tmp");
			Files.copy(source, local, StandardCopyOption.REPLACE_EXISTING);
			try (FileChannel channel = FileChannel.open(local, StandardOpenOption.WRITE)) {
				channel.force(true);
			}
			Files.move(local, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
			Files.deleteIfExists(source);
		}
		forceDirectory(directory);
	}

	@Override
	public InputStream open(TenantId tenant, String sha256) throws IOException {
		return Files.newInputStream(pathOf(tenant, sha256));
	}

	@Override
	public Path newTempFile() throws IOException {
		return Files.createTempFile(temp, "spool-", ".tmp");
	}

	/** Makes the rename itself durable: the directory entry is forced to disk too. */
	private static void forceDirectory(Path directory) {
		try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
			channel.force(true);
		}
		catch (IOException ex) {
			log.debug("Could not force directory {} to disk: {}", directory, ex.getMessage());
		}
	}

	private void removeStaleTempFiles() {
		Instant before = Instant.now().minus(STALE_TEMP);
		try (DirectoryStream<Path> files = Files.newDirectoryStream(temp)) {
			for (Path file : files) {
				try {
					if (Files.getLastModifiedTime(file).toInstant().isBefore(before)) {
						Files.deleteIfExists(file);
					}
				}
				catch (NoSuchFileException ex) {
					// removed meanwhile
				}
			}
		}
		catch (IOException ex) {
			log.warn("Could not clean up {}: {}", temp, ex.getMessage());
		}
	}

}
