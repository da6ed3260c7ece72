package io.prax.invoicing;

import io.prax.platform.CanonicalJson;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Frozen snapshots: RFC 8785 canonical JSON and its SHA-256, written once and re-checked
 * on every read.
 */
final class Snapshots {

	static final JsonMapper JSON = JsonMapper.builder().build();

	private Snapshots() {
	}

	/** The canonical JSON of {@code document}: what is stored and hashed. */
	static String canonical(InvoiceDocument document) {
		return canonical(JSON.writeValueAsString(document));
	}

	static String canonical(String json) {
		return CanonicalJson.canonical(json);
	}

	static String sha256(String json) {
		return CanonicalJson.sha256(json);
	}

	/** Whether the stored snapshot still hashes to the stored SHA-256. */
	static boolean intact(String json, String sha256) {
		return CanonicalJson.intact(json, sha256);
	}

	static InvoiceDocument read(String json) {
		return JSON.readValue(json, InvoiceDocument.class);
	}

	static JsonNode tree(String json) {
		return JSON.readTree(json);
	}

}
