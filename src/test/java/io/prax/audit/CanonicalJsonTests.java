package io.prax.audit;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * RFC 8785 canonical JSON, checked against the RFC's own examples, and the checksum built
 * on it.
 */
class CanonicalJsonTests {

	@Test
	void serializesTheRfc8785PrimitivesExample() {
		String input = """
				{
				  "numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],
				  "string": "\\u20ac$\\u000F\\u000aA'\\u0042\\u0022\\u005c\\\\\\"\\/",
				  "literals": [null, true, false]
				}""";

		assertThat(CanonicalJson.of(input)).isEqualTo("{\"literals\":[null,true,false],\"numbers\":[333333333.3333333,"
				+ "1e+30,4.5,0.002,1e-27],\"string\":\"\u20ac$\\u000f\\nA'B\\\"\\\\\\\\\\\"/\"}");
	}

	@Test
	void sortsPropertiesByUtf16CodeUnitsAsTheRfc8785Example() {
		String input = """
				{
				  "\\u20ac": "Euro Sign",
				  "\\r": "Carriage Return",
				  "\\ufb33": "Hebrew Letter Dalet With Dagesh",
				  "1": "One",
				  "\\ud83d\\ude00": "Emoji: Grinning Face",
				  "\\u0080": "Control",
				  "\\u00f6": "Latin Small Letter O With Diaeresis"
				}""";

		assertThat(CanonicalJson.of(input))
			.isEqualTo("{\"\\r\":\"Carriage Return\",\"1\":\"One\",\"\u0080\":\"Control\","
					+ "\"\u00f6\":\"Latin Small Letter O With Diaeresis\",\"\u20ac\":\"Euro Sign\","
					+ "\"\ud83d\ude00\":\"Emoji: Grinning Face\",\"\ufb33\":\"Hebrew Letter Dalet With Dagesh\"}");
	}

	@Test
	void checksumCoversEveryFieldAndTheLink() {
		AuditRecord event = new AuditRecord(UUID.fromString("00000000-0000-0000-0000-000000000001"), 1,
				Instant.parse("2026-01-02T03:04:05.123456Z"), null, "Ada", "ADMIN", null, "127.0.0.1", "curl", "create",
				"customer", "42", CanonicalJson.JSON.readTree("{\"name\":{\"after\":\"Acme\"}}"), null,
				AuditRecord.GENESIS, "")
			.withChecksums(AuditRecord.GENESIS);

		assertThat(CanonicalJson.of(event.content())).isEqualTo("{\"action\":\"create\",\"actorId\":null,"
				+ "\"actorName\":\"Ada\",\"actorTier\":\"ADMIN\",\"changes\":{\"name\":{\"after\":\"Acme\"}},"
				+ "\"entityId\":\"42\",\"entityType\":\"customer\",\"ip\":\"127.0.0.1\",\"occurredAt\":"
				+ "\"2026-01-02T03:04:05.123456Z\",\"reason\":null,\"seq\":1,\"sessionId\":null,\"tenantId\":"
				+ "\"00000000-0000-0000-0000-000000000001\",\"userAgent\":\"curl\"}");
		assertThat(event.checksum())
			.isEqualTo(io.prax.platform.Digests.sha256Hex(AuditRecord.GENESIS + CanonicalJson.of(event.content())));
		assertThat(AuditRecord.fromJson(event.toJson())).isEqualTo(event);
		AuditRecord renamed = new AuditRecord(event.tenantId(), 1, event.occurredAt(), null, "Eve", "ADMIN", null,
				"127.0.0.1", "curl", "create", "customer", "42", event.changes(), null, AuditRecord.GENESIS,
				event.checksum());
		assertThat(renamed.computedChecksum()).isNotEqualTo(event.checksum());
	}

}
