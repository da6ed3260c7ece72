package io.prax.approval;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import io.prax.platform.CanonicalJson;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * A stored signature. {@link #binding()} is the SHA-256 of the canonical JSON of every
 * field it binds together (which approval, record, record version, step, signer, name,
 * time, meaning, comment): it is stored with the row and in the audit event of the
 * signature, so a row changed or copied to another record no longer matches what the
 * signed chain recorded.
 */
record SignatureRow(UUID id, UUID approvalId, String recordType, UUID recordId, String recordSha256, int stepIndex,
		String stepName, UUID signerId, String signerName, Instant signedAt, String meaning, String meaningLabel,
		@Nullable String comment, String bindingSha256) {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/**
	 * Microseconds, as PostgreSQL keeps them, so the binding is the same after a round
	 * trip.
	 */
	static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'")
		.withZone(ZoneOffset.UTC);

	String binding() {
		Map<String, Object> fields = new LinkedHashMap<>();
		fields.put("id", id.toString());
		fields.put("approvalId", approvalId.toString());
		fields.put("recordType", recordType);
		fields.put("recordId", recordId.toString());
		fields.put("recordSha256", recordSha256);
		fields.put("stepIndex", stepIndex);
		fields.put("stepName", stepName);
		fields.put("signerId", signerId.toString());
		fields.put("signerName", signerName);
		fields.put("signedAt", TIME.format(signedAt));
		fields.put("meaning", meaning);
		fields.put("meaningLabel", meaningLabel);
		fields.put("comment", comment);
		return CanonicalJson.sha256(JSON.writeValueAsString(fields));
	}

	SignatureView view() {
		return new SignatureView(id, approvalId, stepIndex, stepName, signerId, signerName, signedAt, meaning,
				meaningLabel, comment, recordSha256);
	}
}
