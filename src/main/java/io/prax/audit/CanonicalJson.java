package io.prax.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import org.erdtman.jcs.JsonCanonicalizer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** RFC 8785 (JSON Canonicalization Scheme) serialization of a JSON tree. */
final class CanonicalJson {

	static final JsonMapper JSON = JsonMapper.builder().build();

	private CanonicalJson() {
	}

	static String of(JsonNode node) {
		return of(JSON.writeValueAsString(node));
	}

	static String of(String json) {
		try {
			return new JsonCanonicalizer(json).getEncodedString();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Not canonicalizable JSON", ex);
		}
	}

	static byte[] utf8(JsonNode node) {
		return of(node).getBytes(StandardCharsets.UTF_8);
	}

}
