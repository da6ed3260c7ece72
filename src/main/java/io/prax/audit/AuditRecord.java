package io.prax.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One event of a tenant's chain as stored. Its checksum is
 * {@code hex(SHA-256(previousChecksum || RFC 8785 canonical JSON of content()))}, where
 * the content is every field except the two checksums.
 */
record AuditRecord(UUID tenantId, long seq, Instant occurredAt, @Nullable UUID actorId, @Nullable String actorName,
		@Nullable String actorTier, @Nullable UUID sessionId, @Nullable String ip, @Nullable String userAgent,
		String action, @Nullable String entityType, @Nullable String entityId, @Nullable JsonNode changes,
		@Nullable String reason, String previousChecksum, String checksum) {

	static final String GENESIS = "0".repeat(64);

	private static final DateTimeFormatter MICROS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'")
		.withZone(ZoneOffset.UTC);

	/**
	 * PostgreSQL keeps microseconds: events are stamped at that precision so the stored
	 * time hashes the same.
	 */
	static Instant stamp(Instant now) {
		return now.truncatedTo(ChronoUnit.MICROS);
	}

	static String time(Instant instant) {
		return MICROS.format(instant);
	}

	/** The hashed part of the event, as a JSON object. */
	ObjectNode content() {
		ObjectNode node = CanonicalJson.JSON.createObjectNode();
		node.put("tenantId", tenantId.toString());
		node.put("seq", seq);
		node.put("occurredAt", time(occurredAt));
		node.put("actorId", actorId == null ? null : actorId.toString());
		node.put("actorName", actorName);
		node.put("actorTier", actorTier);
		node.put("sessionId", sessionId == null ? null : sessionId.toString());
		node.put("ip", ip);
		node.put("userAgent", userAgent);
		node.put("action", action);
		node.put("entityType", entityType);
		node.put("entityId", entityId);
		if (changes == null || changes.isNull()) {
			node.putNull("changes");
		}
		else {
			node.set("changes", changes);
		}
		node.put("reason", reason);
		return node;
	}

	/** The whole event, checksums included: one line of an export. */
	ObjectNode toJson() {
		ObjectNode node = content();
		node.put("previousChecksum", previousChecksum);
		node.put("checksum", checksum);
		return node;
	}

	/**
	 * The checksum this event's content and link should have: the canonical JSON of
	 * {@link #content()} written straight from the fields, members in RFC 8785 order (the
	 * verifier's hot path; {@code AuditChecksumTests} holds it equal to the tree's).
	 */
	String computedChecksum() {
		try {
			MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
			sha256.update(previousChecksum.getBytes(StandardCharsets.US_ASCII));
			sha256.update(canonicalContent().getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(sha256.digest());
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every JDK", ex);
		}
	}

	/** RFC 8785 canonical JSON of {@link #content()}, written member by member. */
	String canonicalContent() {
		StringBuilder json = new StringBuilder(512);
		json.append("{\"action\":");
		CanonicalJson.string(json, action);
		json.append(",\"actorId\":");
		CanonicalJson.string(json, actorId == null ? null : actorId.toString());
		json.append(",\"actorName\":");
		CanonicalJson.string(json, actorName);
		json.append(",\"actorTier\":");
		CanonicalJson.string(json, actorTier);
		json.append(",\"changes\":");
		CanonicalJson.write(json, changes);
		json.append(",\"entityId\":");
		CanonicalJson.string(json, entityId);
		json.append(",\"entityType\":");
		CanonicalJson.string(json, entityType);
		json.append(",\"ip\":");
		CanonicalJson.string(json, ip);
		json.append(",\"occurredAt\":");
		CanonicalJson.string(json, time(occurredAt));
		json.append(",\"reason\":");
		CanonicalJson.string(json, reason);
		json.append(",\"seq\":");
		CanonicalJson.number(json, seq);
		json.append(",\"sessionId\":");
		CanonicalJson.string(json, sessionId == null ? null : sessionId.toString());
		json.append(",\"tenantId\":");
		CanonicalJson.string(json, tenantId.toString());
		json.append(",\"userAgent\":");
		CanonicalJson.string(json, userAgent);
		json.append('}');
		return json.toString();
	}

	AuditRecord withChecksums(String previous) {
		AuditRecord linked = new AuditRecord(tenantId, seq, occurredAt, actorId, actorName, actorTier, sessionId, ip,
				userAgent, action, entityType, entityId, changes, reason, previous, "");
		return new AuditRecord(tenantId, seq, occurredAt, actorId, actorName, actorTier, sessionId, ip, userAgent,
				action, entityType, entityId, changes, reason, previous, linked.computedChecksum());
	}

	static String checksum(String previousChecksum, JsonNode content) {
		try {
			MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
			sha256.update(previousChecksum.getBytes(StandardCharsets.US_ASCII));
			sha256.update(CanonicalJson.utf8(content));
			return HexFormat.of().formatHex(sha256.digest());
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every JDK", ex);
		}
	}

	/** Reads an export line (or any JSON of {@link #toJson()}'s shape). */
	// A line missing a required field is read as it is, so the chain check reports it as
	// altered
	// (a checksum mismatch) rather than failing to read the export.
	@SuppressWarnings("NullAway")
	static AuditRecord fromJson(JsonNode node) {
		return new AuditRecord(UUID.fromString(text(node, "tenantId")), node.get("seq").asLong(),
				Instant.parse(text(node, "occurredAt")), uuid(node, "actorId"), text(node, "actorName"),
				text(node, "actorTier"), uuid(node, "sessionId"), text(node, "ip"), text(node, "userAgent"),
				text(node, "action"), text(node, "entityType"), text(node, "entityId"),
				node.hasNonNull("changes") ? node.get("changes") : null, text(node, "reason"),
				text(node, "previousChecksum"), text(node, "checksum"));
	}

	private static @Nullable String text(JsonNode node, String field) {
		JsonNode value = node.get(field);
		return value == null || value.isNull() ? null : value.asString();
	}

	private static @Nullable UUID uuid(JsonNode node, String field) {
		String value = text(node, field);
		return value == null ? null : UUID.fromString(value);
	}
}
