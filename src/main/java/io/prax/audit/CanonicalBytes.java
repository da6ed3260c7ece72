package io.prax.audit;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * RFC 8785 JSON written straight as UTF-8 into one reused buffer: the verifier's hot path
 * writes every event into it without building strings. Each method writes the same bytes
 * as the {@link CanonicalJson} method of that name followed by UTF-8 encoding
 * ({@code ChainRowsDatabaseTests}, {@code CanonicalChangesTests}).
 */
final class CanonicalBytes {

	private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

	private static final byte[] NULL = { 'n', 'u', 'l', 'l' };

	private static final long EXACT = 1L << 53;

	private byte[] bytes = new byte[1024];

	private int size;

	private char[] chars = new char[64];

	byte[] bytes() {
		return bytes;
	}

	int size() {
		return size;
	}

	void reset() {
		size = 0;
	}

	/** Cuts the buffer back to {@code mark} (a former {@link #size()}). */
	void truncate(int mark) {
		size = mark;
	}

	void raw(byte b) {
		ensure(1);
		bytes[size++] = b;
	}

	void raw(byte[] source) {
		raw(source, 0, source.length);
	}

	void raw(byte[] source, int offset, int length) {
		ensure(length);
		System.arraycopy(source, offset, bytes, size, length);
		size += length;
	}

	void nullValue() {
		raw(NULL);
	}

	/**
	 * An integer as {@link CanonicalJson#number(StringBuilder, long)} writes it.
	 */
	void number(long value) {
		if (value < -EXACT || value > EXACT) {
			StringBuilder slow = new StringBuilder(24);
			CanonicalJson.number(slow, value);
			raw(slow.toString().getBytes(StandardCharsets.US_ASCII));
			return;
		}
		ensure(20);
		if (value < 0) {
			bytes[size++] = '-';
			value = -value;
		}
		int digits = 1;
		for (long rest = value / 10; rest > 0; rest /= 10) {
			digits++;
		}
		for (int i = size + digits - 1; i >= size; i--) {
			bytes[i] = (byte) ('0' + value % 10);
			value /= 10;
		}
		size += digits;
	}

	/**
	 * A string given as its UTF-8 bytes: escaping byte by byte is exact, since every byte
	 * of a multi-byte UTF-8 sequence is {@code >= 0x80} and RFC 8785 escapes only
	 * {@code "}, {@code \} and controls.
	 */
	void utf8String(byte[] source, int offset, int length) {
		ensure(length * 6 + 2);
		bytes[size++] = '"';
		for (int i = offset; i < offset + length; i++) {
			byte b = source[i];
			if (b >= 0x20 && b != '"' && b != '\\' || b < 0) {
				bytes[size++] = b;
			}
			else {
				escape((char) b);
			}
		}
		bytes[size++] = '"';
	}

	/**
	 * A string given as UTF-16 characters, encoded as {@link String#getBytes} encodes it
	 * to UTF-8 (a lone surrogate becomes {@code ?}).
	 */
	void string(char[] source, int offset, int length) {
		ensure(length * 6 + 2);
		bytes[size++] = '"';
		int end = offset + length;
		for (int i = offset; i < end; i++) {
			char c = source[i];
			if (c < 0x80) {
				if (c >= 0x20 && c != '"' && c != '\\') {
					bytes[size++] = (byte) c;
				}
				else {
					escape(c);
				}
			}
			else if (c < 0x800) {
				bytes[size++] = (byte) (0xc0 | c >> 6);
				bytes[size++] = (byte) (0x80 | c & 0x3f);
			}
			else if (Character.isHighSurrogate(c) && i + 1 < end && Character.isLowSurrogate(source[i + 1])) {
				int cp = Character.toCodePoint(c, source[++i]);
				bytes[size++] = (byte) (0xf0 | cp >> 18);
				bytes[size++] = (byte) (0x80 | cp >> 12 & 0x3f);
				bytes[size++] = (byte) (0x80 | cp >> 6 & 0x3f);
				bytes[size++] = (byte) (0x80 | cp & 0x3f);
			}
			else if (Character.isSurrogate(c)) {
				bytes[size++] = '?';
			}
			else {
				bytes[size++] = (byte) (0xe0 | c >> 12);
				bytes[size++] = (byte) (0x80 | c >> 6 & 0x3f);
				bytes[size++] = (byte) (0x80 | c & 0x3f);
			}
		}
		bytes[size++] = '"';
	}

	void string(String value) {
		if (chars.length < value.length()) {
			chars = new char[Math.max(value.length(), chars.length * 2)];
		}
		value.getChars(0, value.length(), chars, 0);
		string(chars, 0, value.length());
	}

	/**
	 * Lower-case hex of {@code value}'s 16 bytes from {@code offset}, as a UUID string.
	 */
	void uuid(byte[] source, int offset) {
		ensure(38);
		bytes[size++] = '"';
		for (int i = 0; i < 16; i++) {
			if (i == 4 || i == 6 || i == 8 || i == 10) {
				bytes[size++] = '-';
			}
			int b = source[offset + i] & 0xff;
			bytes[size++] = HEX[b >> 4];
			bytes[size++] = HEX[b & 0xf];
		}
		bytes[size++] = '"';
	}

	private void escape(char c) {
		bytes[size++] = '\\';
		switch (c) {
			case '"' -> bytes[size++] = '"';
			case '\\' -> bytes[size++] = '\\';
			case '\b' -> bytes[size++] = 'b';
			case '\f' -> bytes[size++] = 'f';
			case '\n' -> bytes[size++] = 'n';
			case '\r' -> bytes[size++] = 'r';
			case '\t' -> bytes[size++] = 't';
			default -> {
				bytes[size++] = 'u';
				bytes[size++] = '0';
				bytes[size++] = '0';
				bytes[size++] = HEX[c >> 4];
				bytes[size++] = HEX[c & 0xf];
			}
		}
	}

	private void ensure(int more) {
		if (size + more > bytes.length) {
			bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
		}
	}

}
