package io.prax.audit;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.erdtman.jcs.NumberToJSON;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;

/**
 * RFC 8785 form of a JSON text (an event's {@code changes}), written from Jackson's token
 * stream without building a tree: the same bytes as {@link CanonicalJson#write} over
 * {@code readTree} of the text ({@code CanonicalChangesTests}). Anything off the common
 * path (numbers beyond 2^53 or not finite, duplicate names, text Jackson refuses) is
 * handed to that tree path, so it is answered exactly as before. One instance per
 * verification: it reuses its member stack and scratch buffer.
 */
final class CanonicalChanges {

	private static final long EXACT = 1L << 53;

	private static final byte[] TRUE = { 't', 'r', 'u', 'e' };

	private static final byte[] FALSE = { 'f', 'a', 'l', 's', 'e' };

	/** Members of the objects being written, innermost last. */
	private String[] names = new String[16];

	private int[] starts = new int[16];

	private int[] ends = new int[16];

	private int members;

	private byte[] scratch = new byte[256];

	/**
	 * Appends the canonical form of {@code json[offset, offset + length)} to {@code out}.
	 */
	void write(CanonicalBytes out, byte[] json, int offset, int length) {
		int mark = out.size();
		members = 0;
		// The factory's parser, not the mapper's: no deserialization context per event.
		try (JsonParser parser = CanonicalJson.JSON.tokenStreamFactory()
			.createParser(ObjectReadContext.empty(), json, offset, length)) {
			JsonToken first = parser.nextToken();
			if (first != null && value(out, parser, first) && parser.nextToken() == null) {
				return;
			}
		}
		catch (JacksonException ex) {
			// the tree path below answers it as before
		}
		out.truncate(mark);
		StringBuilder slow = new StringBuilder(length + 16);
		CanonicalJson.write(slow,
				CanonicalJson.JSON.readTree(new String(json, offset, length, StandardCharsets.UTF_8)));
		out.raw(slow.toString().getBytes(StandardCharsets.UTF_8));
	}

	/** False when the value needs the tree path. */
	private boolean value(CanonicalBytes out, JsonParser parser, JsonToken token) {
		switch (token) {
			case START_OBJECT:
				return object(out, parser);
			case START_ARRAY:
				return array(out, parser);
			case VALUE_STRING:
				out.string(parser.getStringCharacters(), parser.getStringOffset(), parser.getStringLength());
				return true;
			case VALUE_NUMBER_INT:
				if (parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
					return false;
				}
				long integer = parser.getLongValue();
				if (integer < -EXACT || integer > EXACT) {
					return false;
				}
				out.number(integer);
				return true;
			case VALUE_NUMBER_FLOAT:
				double real = parser.getDoubleValue();
				if (!Double.isFinite(real)) {
					return false;
				}
				try {
					out.raw(NumberToJSON.serializeNumber(real).getBytes(StandardCharsets.US_ASCII));
				}
				catch (java.io.IOException ex) {
					return false;
				}
				return true;
			case VALUE_TRUE:
				out.raw(TRUE);
				return true;
			case VALUE_FALSE:
				out.raw(FALSE);
				return true;
			case VALUE_NULL:
				out.nullValue();
				return true;
			default:
				return false;
		}
	}

	private boolean array(CanonicalBytes out, JsonParser parser) {
		out.raw((byte) '[');
		boolean first = true;
		for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
			if (token == null) {
				return false;
			}
			if (!first) {
				out.raw((byte) ',');
			}
			first = false;
			if (!value(out, parser, token)) {
				return false;
			}
		}
		out.raw((byte) ']');
		return true;
	}

	/**
	 * Writes the members as they come, then puts them in RFC 8785 order (names compared
	 * as UTF-16 code units, as {@link String#compareTo} does).
	 */
	private boolean object(CanonicalBytes out, JsonParser parser) {
		out.raw((byte) '{');
		int base = members;
		int start = out.size();
		for (JsonToken token = parser.nextToken(); token != JsonToken.END_OBJECT; token = parser.nextToken()) {
			if (token != JsonToken.PROPERTY_NAME) {
				return false;
			}
			String name = parser.currentName();
			int member = push(name, out.size());
			out.string(name);
			out.raw((byte) ':');
			JsonToken value = parser.nextToken();
			if (value == null || !value(out, parser, value)) {
				return false;
			}
			ends[member] = out.size();
		}
		boolean ok = sort(out, base, start);
		members = base;
		out.raw((byte) '}');
		return ok;
	}

	private int push(String name, int start) {
		if (members == names.length) {
			names = Arrays.copyOf(names, members * 2);
			starts = Arrays.copyOf(starts, members * 2);
			ends = Arrays.copyOf(ends, members * 2);
		}
		names[members] = name;
		starts[members] = start;
		return members++;
	}

	/**
	 * Reorders members {@code base..members} (written unseparated from {@code start}) by
	 * name, with commas between; false on a duplicate name (the tree path decides).
	 */
	private boolean sort(CanonicalBytes out, int base, int start) {
		int count = members - base;
		// insertion sort: objects in an audit event have a handful of members
		for (int i = base + 1; i < members; i++) {
			String name = names[i];
			int s = starts[i];
			int e = ends[i];
			int j = i - 1;
			while (j >= base && names[j].compareTo(name) > 0) {
				names[j + 1] = names[j];
				starts[j + 1] = starts[j];
				ends[j + 1] = ends[j];
				j--;
			}
			names[j + 1] = name;
			starts[j + 1] = s;
			ends[j + 1] = e;
		}
		for (int i = base + 1; i < members; i++) {
			if (names[i].equals(names[i - 1])) {
				return false;
			}
		}
		if (count < 2) {
			return true;
		}
		int length = out.size() - start;
		if (scratch.length < length) {
			scratch = new byte[Math.max(length, scratch.length * 2)];
		}
		System.arraycopy(out.bytes(), start, scratch, 0, length);
		out.truncate(start);
		for (int i = base; i < members; i++) {
			if (i > base) {
				out.raw((byte) ',');
			}
			out.raw(scratch, starts[i] - start, ends[i] - starts[i]);
		}
		return true;
	}

}
