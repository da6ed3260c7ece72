package io.prax.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.erdtman.jcs.JsonCanonicalizer;
import org.erdtman.jcs.NumberToJSON;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** RFC 8785 (JSON Canonicalization Scheme) serialization of a JSON tree. */
final class CanonicalJson {

	static final JsonMapper JSON = JsonMapper.builder().build();

	/**
	 * Integers up to this magnitude are doubles exactly, so RFC 8785 prints their digits.
	 */
	private static final long EXACT = 1L << 53;

	private static final char[] HEX = "0123456789abcdef".toCharArray();

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

	/**
	 * Appends {@code node} in the same RFC 8785 form as {@link #of(JsonNode)}, straight
	 * from the tree (no text in between): the verifier's hot path.
	 */
	static void write(StringBuilder out, @Nullable JsonNode node) {
		if (node == null || node.isNull() || node.isMissingNode()) {
			out.append("null");
		}
		else if (node.isObject()) {
			List<String> names = new ArrayList<>(node.propertyNames());
			Collections.sort(names);
			out.append('{');
			for (int i = 0; i < names.size(); i++) {
				if (i > 0) {
					out.append(',');
				}
				string(out, names.get(i));
				out.append(':');
				write(out, node.get(names.get(i)));
			}
			out.append('}');
		}
		else if (node.isArray()) {
			out.append('[');
			for (int i = 0; i < node.size(); i++) {
				if (i > 0) {
					out.append(',');
				}
				write(out, node.get(i));
			}
			out.append(']');
		}
		else if (node.isString()) {
			string(out, node.stringValue());
		}
		else if (node.isBoolean()) {
			out.append(node.booleanValue());
		}
		else if (node.isNumber()) {
			number(out, node);
		}
		else {
			// Binary or POJO nodes never come from parsed JSON; take the slow path.
			out.append(of(node));
		}
	}

	/**
	 * An integer as RFC 8785 writes it (beyond 2^53 rounded to a double, as the RFC
	 * says).
	 */
	static void number(StringBuilder out, long value) {
		if (value >= -EXACT && value <= EXACT) {
			out.append(value);
		}
		else {
			number(out, CanonicalJson.JSON.getNodeFactory().numberNode(value));
		}
	}

	private static void number(StringBuilder out, JsonNode node) {
		if (node.isIntegralNumber() && node.canConvertToLong()) {
			long value = node.longValue();
			if (value >= -EXACT && value <= EXACT) {
				out.append(value);
				return;
			}
		}
		// As the canonicalizer reads it: the number's JSON text as a double, in ES6 form.
		try {
			out.append(NumberToJSON.serializeNumber(Double.parseDouble(JSON.writeValueAsString(node))));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Not canonicalizable number", ex);
		}
	}

	/** A JSON string as RFC 8785 escapes it: only {@code "}, {@code \} and controls. */
	static void string(StringBuilder out, @Nullable String value) {
		if (value == null) {
			out.append("null");
			return;
		}
		out.append('"');
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			switch (c) {
				case '"' -> out.append("\\\"");
				case '\\' -> out.append("\\\\");
				case '\b' -> out.append("\\b");
				case '\f' -> out.append("\\f");
				case '\n' -> out.append("\\n");
				case '\r' -> out.append("\\r");
				case '\t' -> out.append("\\t");
				default -> {
					if (c < 0x20) {
						out.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xf]);
					}
					else {
						out.append(c);
					}
				}
			}
		}
		out.append('"');
	}

}
