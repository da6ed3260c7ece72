package io.prax.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.function.Supplier;

/** Reads secrets from the keys directory, creating them owner-only on first use. */
public final class SecretFiles {

	private static final SecureRandom RANDOM = new SecureRandom();

	private SecretFiles() {
	}

	/**
	 * Returns the file's content, generating it with {@code generator} when the file does
	 * not exist.
	 */
	public static String readOrCreate(Path file, Supplier<String> generator) {
		try {
			if (Files.exists(file)) {
				return Files.readString(file, StandardCharsets.UTF_8).strip();
			}
			String value = generator.get();
			write(file, value);
			return value;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read or create secret " + file, ex);
		}
	}

	public static void write(Path file, String value) throws IOException {
		Files.createDirectories(file.getParent());
		boolean posix = file.getFileSystem().supportedFileAttributeViews().contains("posix");
		if (posix) {
			Files.setPosixFilePermissions(file.getParent(), PosixFilePermissions.fromString("rwx------"));
		}
		Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
		Files.writeString(tmp, value, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
				StandardOpenOption.TRUNCATE_EXISTING);
		// Owner-only where the file system has POSIX permissions; elsewhere they are the
		// platform's.
		if (posix) {
			Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
		}
		Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
	}

	/** A URL-safe random token with {@code bytes} bytes of entropy. */
	public static String randomToken(int bytes) {
		byte[] buffer = new byte[bytes];
		RANDOM.nextBytes(buffer);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(buffer);
	}

}
