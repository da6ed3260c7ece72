package io.prax.audit;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The verifier's streaming canonicalizer of {@code changes} gives the same bytes as the
 * tree path it replaces ({@code CanonicalJson.write} over {@code readTree}, UTF-8
 * encoded) for any JSON text: nested objects and arrays, members in any order, escapes,
 * surrogate pairs, white space, and numbers of every kind. Input the tree path refuses is
 * refused alike. The seed is fixed so a failure reproduces.
 */
class CanonicalChangesTests {

	@Property(tries = 2000, seed = "20261201")
	void streamingEqualsTheTreePath(@ForAll("json") String json) {
		assertSame(json);
	}

	@Example
	void edgeCases() {
		for (String json : List.of("null", "{}", "[]", "\"\"", "0", "-0", "-0.0", "1e400", "-1e400", "1E-400",
				"9007199254740992", "9007199254740993", "-9007199254740993", "123456789012345678901234567890", "0.1",
				"1.5e300", "100000000000000000000000.0", "{\"b\":1,\"a\":2,\"b\":3}",
				"{\"\\ud83d\\ude00\":1,\"\\uffff\":2,\"\\ue000\":3}", "\"\\ud800\"", "\"\\udc00x\\ud800\"",
				"{\"a\": {\"c\": [1, {\"z\": null, \"y\": true}], \"b\": false}}", "{\"a\": 1} x", "{\"a\": ", "",
				"\"\\u0000\\u001f\\u007f\\u2028\\/\"",
				"{\"name\": {\"to\": \"Customer 1 Ltd\", \"from\": \"Customer 1\"}}")) {
			assertSame(json);
		}
	}

	/** Compares the bytes that get hashed (as Latin-1 text, so a failure shows them). */
	private static void assertSame(String json) {
		byte[] text = json.getBytes(StandardCharsets.UTF_8);
		byte[] padded = new byte[text.length + 6];
		System.arraycopy(text, 0, padded, 3, text.length);
		Object expected;
		try {
			StringBuilder tree = new StringBuilder();
			CanonicalJson.write(tree, CanonicalJson.JSON.readTree(json));
			expected = new String(tree.toString().getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
		}
		catch (RuntimeException ex) {
			expected = ex.getClass();
		}
		CanonicalBytes out = new CanonicalBytes();
		out.raw((byte) '#');
		Object actual;
		try {
			new CanonicalChanges().write(out, padded, 3, text.length);
			assertThat(out.bytes()[0]).isEqualTo((byte) '#');
			actual = new String(Arrays.copyOfRange(out.bytes(), 1, out.size()), StandardCharsets.ISO_8859_1);
		}
		catch (RuntimeException ex) {
			actual = ex.getClass();
		}
		assertThat(actual).as(json).isEqualTo(expected);
	}

	@Provide
	Arbitrary<String> json() {
		return Arbitraries.integers().between(0, 4).flatMap(this::value);
	}

	private Arbitrary<String> value(int depth) {
		Arbitrary<String> leaf = Arbitraries.oneOf(strings(), numbers(),
				Arbitraries.of("true", "false", "null", " true ", "\nnull\t"));
		if (depth == 0) {
			return leaf;
		}
		Arbitrary<String> child = value(depth - 1);
		Arbitrary<String> member = Combinators.combine(strings(), child, space(), space())
			.as((name, value, before, after) -> before + name + after + ":" + before + value);
		Arbitrary<String> object = Combinators.combine(member.list().ofMaxSize(5), space())
			.as((members, pad) -> "{" + pad + String.join("," + pad, members) + pad + "}");
		Arbitrary<String> array = Combinators.combine(child.list().ofMaxSize(4), space())
			.as((values, pad) -> "[" + pad + String.join("," + pad, values) + "]");
		return Arbitraries.oneOf(leaf, object, object, array);
	}

	private static Arbitrary<String> space() {
		return Arbitraries.of("", "", " ", "\n  ", "\t");
	}

	/**
	 * JSON strings with raw and escaped characters, surrogate pairs and lone surrogates.
	 */
	private static Arbitrary<String> strings() {
		Arbitrary<String> piece = Arbitraries.oneOf(Arbitraries.strings().alpha().numeric().ofMaxLength(6),
				Arbitraries.strings().withCharRange('\u00a0', '\ud7ff').ofMaxLength(3),
				Arbitraries.strings().withCharRange('\ue000', '\uffff').ofMaxLength(2),
				Arbitraries.of("😀", "𝄞", "é", "€", "\u2028", "\u007f", "/", "<", " "),
				Arbitraries.of("\\\"", "\\\\", "\\/", "\\b", "\\f", "\\n", "\\r", "\\t", "\\u0000", "\\u001F",
						"\\u0041", "\\u00e9", "\\uD83D\\uDE00", "\\ud834\\udd1e", "\\ud800", "\\udfff", "\\uFFFF",
						"\\u20AC"));
		return piece.list().ofMaxSize(4).map(parts -> "\"" + String.join("", parts) + "\"");
	}

	private static Arbitrary<String> numbers() {
		return Arbitraries.oneOf(Arbitraries.longs().map(n -> Long.toString(n)),
				Arbitraries.integers().between(-1000, 1000).map(n -> Integer.toString(n)),
				Combinators
					.combine(Arbitraries.longs().between((1L << 53) - 8, (1L << 53) + 8), Arbitraries.of("", "-"))
					.as((n, sign) -> sign + n),
				Arbitraries.strings()
					.numeric()
					.ofMinLength(1)
					.ofMaxLength(30)
					.map(CanonicalChangesTests::noLeadingZero),
				Arbitraries.doubles().map(d -> Double.toString(d)),
				Arbitraries.doubles().between(-1e6, 1e6).map(d -> "" + d),
				Combinators
					.combine(Arbitraries.integers().between(0, 99999), Arbitraries.integers().between(0, 999),
							Arbitraries.of("e", "E", "e+", "e-", "E-"), Arbitraries.integers().between(0, 330))
					.as((whole, fraction, e, exponent) -> whole + "." + fraction + e + exponent),
				Arbitraries.of("-0", "-0.0", "0.0", "1e400", "-1e400", "4.9e-324", "1.7976931348623157e308",
						"0.30000000000000004", "1E21", "1e-7", "123e-2"));
	}

	private static String noLeadingZero(String digits) {
		String trimmed = digits.replaceFirst("^0+(?=.)", "");
		return trimmed.startsWith("0") && trimmed.length() > 1 ? trimmed.substring(1) : trimmed;
	}

}
