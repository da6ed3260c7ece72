package io.prax.audit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Verifies an audit export ({@code GET /api/v1/audit/export}) offline, trusting nothing
 * from the server but the public keys given on the command line: every event's checksum
 * and link, gapless {@code seq}, every signed checkpoint against the chain, and a
 * verified checkpoint at the last event (else {@code unsigned_tail}: whoever can write
 * the database could have rewritten the events no signature covers, or removed the
 * checkpoints). Runs without Spring, a database or a network:
 * {@code java -jar prax.jar audit-verify export.zip --public-key key.pem [--public-key retired.pem]}.
 */
public final class AuditExportVerifier {

	public static final String COMMAND = "audit-verify";
	static final String ALLOW_UNSIGNED_TAIL = "--allow-unsigned-tail";
	static final String UNSIGNED_TAIL = "unsigned_tail";

	private AuditExportVerifier() {
	}

	/**
	 * Runs the command; answers the process exit code: 0 valid, 1 invalid, 2 usage or
	 * unreadable input.
	 */
	public static int run(String[] args, PrintStream out, PrintStream err) {
		Path zip = null;
		List<Path> keyFiles = new ArrayList<>();
		boolean allowUnsignedTail = false;
		for (int i = 0; i < args.length; i++) {
			if (args[i].equals("--public-key") && i + 1 < args.length) {
				keyFiles.add(Path.of(args[++i]));
			}
			else if (args[i].equals(ALLOW_UNSIGNED_TAIL)) {
				allowUnsignedTail = true;
			}
			else if (zip == null && !args[i].startsWith("--")) {
				zip = Path.of(args[i]);
			}
			else {
				return usage(err);
			}
		}
		if (zip == null) {
			return usage(err);
		}
		try {
			List<PublicKey> keys = new ArrayList<>();
			for (Path keyFile : keyFiles) {
				keys.add(SignedNote.fromPem(Files.readString(keyFile, StandardCharsets.US_ASCII)));
			}
			Result result = verify(zip, keys, allowUnsignedTail);
			if (keyFiles.isEmpty()) {
				err.println("warning: no --public-key given: the keys inside the export were trusted, which proves "
						+ "integrity but not that the server signed it");
			}
			Verification v = result.verification();
			if (result.signedUpTo() < v.headSeq() && (v.valid() || UNSIGNED_TAIL.equals(v.problem()))) {
				err.println((v.valid() ? "warning: " : "") + "events after #" + result.signedUpTo()
						+ " are not covered by a signed checkpoint: whoever can write the database could have changed "
						+ "them" + (v.valid() ? "" : " (" + ALLOW_UNSIGNED_TAIL + " accepts them)"));
			}
			if (result.unknownKeyId() != null) {
				err.println("checkpoint #" + v.firstInvalidSeq() + " is signed with key id " + result.unknownKeyId()
						+ ", which none of the given keys has: was the key rotated? Give the retired key with "
						+ "another --public-key");
			}
			out.println((v.valid() ? "VALID" : "INVALID") + " tenant=" + result.tenant() + " checkedEvents="
					+ v.checkedEvents() + " headSeq=" + v.headSeq() + " headChecksum=" + v.headChecksum()
					+ " checkpointsVerified=" + v.checkpointsVerified() + " signedUpTo=" + result.signedUpTo()
					+ (v.valid() ? "" : " firstInvalidSeq=" + v.firstInvalidSeq() + " problem=" + v.problem()));
			return v.valid() ? 0 : 1;
		}
		catch (IOException | RuntimeException ex) {
			err.println("audit-verify: cannot read " + zip + ": " + ex.getMessage());
			return 2;
		}
	}

	/**
	 * The export's tenant, the verification of its chain with {@code trustedKeys} (the
	 * export's own keys when empty), the last {@code seq} a verified checkpoint vouches
	 * for, and the key id of a checkpoint that failed because none of the keys has its
	 * id.
	 */
	public record Result(@Nullable UUID tenant, Verification verification, long signedUpTo,
			@Nullable String unknownKeyId) {
	}

	/**
	 * Verifies strictly: events no verified checkpoint covers make the export invalid
	 * ({@code unsigned_tail}).
	 */
	public static Result verify(Path zipFile, List<PublicKey> trustedKeys) throws IOException {
		return verify(zipFile, trustedKeys, false);
	}

	public static Result verify(Path zipFile, List<PublicKey> trustedKeys, boolean allowUnsignedTail)
			throws IOException {
		try (ZipFile zip = new ZipFile(zipFile.toFile(), StandardCharsets.UTF_8)) {
			List<PublicKey> keys = trustedKeys.isEmpty() ? exportedKeys(zip) : trustedKeys;
			List<Checkpoint> checkpoints = new ArrayList<>();
			for (JsonNode node : json(zip, AuditManagement.CHECKPOINTS_FILE)) {
				checkpoints.add(new Checkpoint(UUID.fromString(node.get("tenantId").asString()),
						node.get("seq").asLong(), node.get("checksum").asString(),
						Instant.parse(node.get("signedAt").asString()), node.get("keyId").asString(),
						node.get("signature").asString(), node.get("note").asString()));
			}
			checkpoints.sort(Comparator.comparingLong(Checkpoint::seq));
			ChainVerifier verifier = new ChainVerifier(keys, checkpoints);
			UUID tenant = null;
			try (BufferedReader lines = new BufferedReader(
					new InputStreamReader(entry(zip, AuditManagement.EVENTS_FILE), StandardCharsets.UTF_8))) {
				String line;
				while ((line = lines.readLine()) != null) {
					if (!line.isBlank()) {
						AuditRecord event = AuditRecord.fromJson(CanonicalJson.JSON.readTree(line));
						tenant = tenant == null ? event.tenantId() : tenant;
						if (!verifier.accept(event)) {
							break;
						}
					}
				}
			}
			Verification verification = verifier.finish(null, null);
			long signedUpTo = verification.valid() && !checkpoints.isEmpty()
					? checkpoints.get(checkpoints.size() - 1).seq() : 0;
			if (verification.valid() && signedUpTo < verification.headSeq() && !allowUnsignedTail) {
				verification = new Verification(false, verification.checkedEvents(), verification.headSeq(),
						verification.headChecksum(), signedUpTo + 1, UNSIGNED_TAIL, verification.checkpointsVerified());
			}
			return new Result(tenant, verification, signedUpTo, unknownKeyId(verification, checkpoints, keys));
		}
	}

	private static @Nullable String unknownKeyId(Verification verification, List<Checkpoint> checkpoints,
			List<PublicKey> keys) {
		if (!"bad_checkpoint_signature".equals(verification.problem())) {
			return null;
		}
		return checkpoints.stream()
			.filter(c -> verification.firstInvalidSeq() != null && c.seq() == verification.firstInvalidSeq())
			.filter(c -> keys.stream().noneMatch(k -> SignedNote.keyId(c.tenantId(), k).equals(c.keyId())))
			.map(Checkpoint::keyId)
			.findFirst()
			.orElse(null);
	}

	private static List<PublicKey> exportedKeys(ZipFile zip) throws IOException {
		List<PublicKey> keys = new ArrayList<>();
		for (JsonNode node : json(zip, AuditManagement.KEYS_FILE)) {
			keys.add(SignedNote.fromPem(node.get("publicKeyPem").asString()));
		}
		return keys;
	}

	private static JsonNode json(ZipFile zip, String name) throws IOException {
		try (InputStream in = entry(zip, name)) {
			return CanonicalJson.JSON.readTree(in);
		}
	}

	private static InputStream entry(ZipFile zip, String name) throws IOException {
		ZipEntry entry = zip.getEntry(name);
		if (entry == null) {
			throw new IOException("not an audit export: " + name + " is missing");
		}
		return zip.getInputStream(entry);
	}

	private static int usage(PrintStream err) {
		err.println("usage: java -jar prax.jar " + COMMAND + " <export.zip> [--public-key <key.pem>]... ["
				+ ALLOW_UNSIGNED_TAIL + "]");
		return 2;
	}

}
