package io.prax.audit;

import java.time.Instant;
import java.util.UUID;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The verifier's direct canonical writer gives the same bytes as the RFC 8785
 * canonicalizer over the content tree, for any event: so the fast path checks exactly
 * what the chain's definition says.
 */
class AuditChecksumTests {

	@Property(tries = 500)
	void directChecksumEqualsTheCanonicalizersChecksum(@ForAll("events") AuditRecord event) {
		assertThat(event.canonicalContent()).isEqualTo(CanonicalJson.of(event.content()));
		assertThat(event.computedChecksum()).isEqualTo(AuditRecord.checksum(event.previousChecksum(), event.content()));
	}

	@Property(tries = 500)
	void directWriterEqualsTheCanonicalizer(@ForAll("trees") JsonNode tree) {
		// The canonicalizer takes an object at the top.
		ObjectNode wrapped = CanonicalJson.JSON.createObjectNode().set("v", tree);
		StringBuilder out = new StringBuilder();
		CanonicalJson.write(out, wrapped);
		assertThat(out.toString()).isEqualTo(CanonicalJson.of(wrapped));
	}

	@Provide
	Arbitrary<AuditRecord> events() {
		Arbitrary<@Nullable String> text = texts().injectNull(0.2);
		Arbitrary<@Nullable UUID> id = Arbitraries.create(UUID::randomUUID).injectNull(0.3);
		Arbitrary<Instant> at = Arbitraries.longs()
			.between(0, 4_000_000_000_000_000L)
			.map(micros -> Instant.ofEpochSecond(micros / 1_000_000, (micros % 1_000_000) * 1_000));
		Arbitrary<@Nullable JsonNode> changes = trees().injectNull(0.2);
		return Combinators
			.combine(Arbitraries.longs().between(1, Long.MAX_VALUE), at, id, text, text, id, texts(), changes)
			.as((seq, when, actor, name, ip, session, action, change) -> new AuditRecord(UUID.randomUUID(), seq, when,
					actor, name, ip, session, ip, name, action, ip, name, change, action, "ab".repeat(32), ""));
	}

	@Provide
	Arbitrary<JsonNode> trees() {
		return Arbitraries.integers().between(0, 3).flatMap(depth -> tree(depth));
	}

	private Arbitrary<JsonNode> tree(int depth) {
		Arbitrary<JsonNode> leaf = Arbitraries.oneOf(
				texts().map(t -> CanonicalJson.JSON.getNodeFactory().stringNode(t)),
				Arbitraries.longs().map(n -> CanonicalJson.JSON.getNodeFactory().numberNode(n)),
				Arbitraries.integers().map(n -> CanonicalJson.JSON.getNodeFactory().numberNode(n)),
				Arbitraries.doubles().between(-1e25, 1e25).map(n -> CanonicalJson.JSON.getNodeFactory().numberNode(n)),
				Arbitraries.of(CanonicalJson.JSON.getNodeFactory().booleanNode(true),
						CanonicalJson.JSON.getNodeFactory().booleanNode(false),
						CanonicalJson.JSON.getNodeFactory().nullNode()));
		if (depth == 0) {
			return leaf;
		}
		Arbitrary<JsonNode> child = tree(depth - 1);
		Arbitrary<JsonNode> object = Combinators.combine(texts().list().ofMaxSize(4), child.list().ofSize(4))
			.as((names, values) -> {
				ObjectNode node = CanonicalJson.JSON.createObjectNode();
				for (int i = 0; i < names.size(); i++) {
					node.set(names.get(i), values.get(i));
				}
				return node;
			});
		Arbitrary<JsonNode> array = child.list().ofMaxSize(4).map(values -> {
			ArrayNode node = CanonicalJson.JSON.createArrayNode();
			values.forEach(node::add);
			return node;
		});
		return Arbitraries.oneOf(leaf, object, array);
	}

	private static Arbitrary<String> texts() {
		return Arbitraries.oneOf(Arbitraries.strings().withCharRange('\u0000', '\ud7ff').ofMaxLength(12),
				Arbitraries.strings().withChars("\"\\\b\f\n\r\t\u0000\u001f\u007f\u2028é€😀/<>").ofMaxLength(8),
				Arbitraries.strings().alpha().ofMaxLength(10));
	}

}
