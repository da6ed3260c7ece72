package io.prax.platform;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.erdtman.jcs.JsonCanonicalizer;

/**
 * RFC 8785 canonical JSON and its SHA-256: how frozen snapshots (invoices, payslips) are
 * stored and hashed.
 */
public final class CanonicalJson {

	private CanonicalJson() {
	}

	/** The canonical form of {@code json}. */
	public static String canonical(String json) {
		try {
			return new JsonCanonicalizer(json).getEncodedString();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Not canonicalizable JSON", ex);
		}
	}

	/** The hex SHA-256 of the canonical form of {@code json}. */
	public static String sha256(String json) {
		return Digests.sha256Hex(canonical(json));
	}

	/**
	 * Whether {@code json} still hashes to {@code sha256}; false for anything unreadable.
	 */
	public static boolean intact(String json, String sha256) {
		try {
			return sha256(json).equals(sha256);
		}
		catch (RuntimeException ex) {
			return false;
		}
	}

}
