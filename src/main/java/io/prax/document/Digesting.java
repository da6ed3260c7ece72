package io.prax.document;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 while copying, so bytes are hashed exactly as they are written or read. */
final class Digesting {

	private Digesting() {
	}

	/** The outcome of a copy: how many bytes and their SHA-256 (lower-case hex). */
	record Copied(long size, String sha256) {
	}

	/** Thrown when a copy passes {@code maxBytes}. */
	static final class TooLarge extends IOException {

		TooLarge() {
			super("larger than allowed", null);
		}

	}

	static MessageDigest newDigest() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every JDK", ex);
		}
	}

	/**
	 * Copies {@code in} to {@code out}, hashing; stops with {@link TooLarge} past
	 * {@code maxBytes}.
	 */
	static Copied copy(InputStream in, OutputStream out, long maxBytes) throws IOException {
		MessageDigest digest = newDigest();
		long size = 0;
		try (DigestInputStream hashing = new DigestInputStream(in, digest)) {
			byte[] buffer = new byte[64 * 1024];
			int n;
			while ((n = hashing.read(buffer)) > 0) {
				size += n;
				if (size > maxBytes) {
					throw new TooLarge();
				}
				out.write(buffer, 0, n);
			}
		}
		return new Copied(size, HexFormat.of().formatHex(digest.digest()));
	}

	static String sha256(Path file) throws IOException {
		try (InputStream in = Files.newInputStream(file)) {
			return copy(in, OutputStream.nullOutputStream(), Long.MAX_VALUE).sha256();
		}
	}

}
