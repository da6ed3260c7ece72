package io.prax.invoicing;

import java.io.IOException;
import java.io.UncheckedIOException;

import io.prax.platform.Digests;
import org.erdtman.jcs.JsonCanonicalizer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Frozen snapshots: RFC 8785 canonical JSON and its SHA-256, written once and re-checked on every read. */
final class Snapshots {

	static final JsonMapper JSON = JsonMapper.builder().build();

	private Snapshots() {
	}

	/** The canonical JSON of {@code document}: what is stored and hashed. */
	static String canonical(InvoiceDocument document) {
		return canonical(JSON.writeValueAsString(document));
	}

	static String canonical(String json) {
		try {
			return new JsonCanonicalizer(json).getEncodedString();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Not canonicalizable JSON", ex);
		}
	}

	static String sha256(String json) {
		return Digests.sha256Hex(canonical(json));
	}

	/** Whether the stored snapshot still hashes to the stored SHA-256. */
	static boolean intact(String json, String sha256) {
		try {
			return sha256(json).equals(sha256);
		}
		catch (RuntimeException ex) {
			return false;
		}
	}

	static InvoiceDocument read(String json) {
		return JSON.readValue(json, InvoiceDocument.class);
	}

	static JsonNode tree(String json) {
		return JSON.readTree(json);
	}
}
