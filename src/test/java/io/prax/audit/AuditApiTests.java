package io.prax.audit;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import io.prax.identity.UserLifecycle;
import io.prax.identity.Onboarding;
import io.prax.identity.Tier;
import io.prax.support.Api;
import io.prax.support.PraxIntegrationTest;
import io.prax.support.Tenants;
import io.prax.support.Tenants.TestTenant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Audit endpoints of API.md, the export, and the offline verifier that checks it
 * without the server.
 */
@PraxIntegrationTest
class AuditApiTests {

	@LocalServerPort
	int port;

	@Autowired
	Onboarding onboarding;

	@Autowired
	UserLifecycle identity;

	@Autowired
	AuditCheckpoints checkpoints;

	@TempDir
	Path dir;

	Api api;

	TestTenant tenant;

	String token;

	@BeforeEach
	void tenantWithCustomers() {
		api = new Api(port);
		tenant = Tenants.newTenant(onboarding);
		token = api.login(tenant.slug(), tenant.adminEmail(), Tenants.PASSWORD).access();
		for (int i = 0; i < 3; i++) {
			api.post("/api/v1/customers", Map.of("name", "Customer " + i), token);
		}
	}

	@Test
	void verifiesTheChainOfTheCallersTenant() {
		var verify = api.get("/api/v1/audit/verify", token);

		assertThat(verify.status()).isEqualTo(200);
		JsonNode body = verify.json();
		assertThat(body.get("valid").asBoolean()).isTrue();
		assertThat(body.get("checkedEvents").asLong()).isEqualTo(body.get("headSeq").asLong())
			.isGreaterThanOrEqualTo(5);
		assertThat(body.get("headChecksum").asString()).matches("[0-9a-f]{64}");
		assertThat(body.get("firstInvalidSeq").isNull()).isTrue();
		assertThat(body.get("problem").isNull()).isTrue();
		assertThat(body.has("checkpointsVerified")).isTrue();
	}

	@Test
	void listsEventsNewestFirstWithFiltersAndCursor() {
		var first = api.get("/api/v1/audit?entityType=customer&action=create&limit=2", token);

		assertThat(first.status()).isEqualTo(200);
		JsonNode items = first.json().get("items");
		assertThat(items).hasSize(2);
		assertThat(items.get(0).get("seq").asLong()).isGreaterThan(items.get(1).get("seq").asLong());
		for (String field : List.of("seq", "occurredAt", "actorId", "actorName", "sessionId", "ip", "userAgent",
				"action", "entityType", "entityId", "changes", "reason", "previousChecksum", "checksum")) {
			assertThat(items.get(0).has(field)).as(field).isTrue();
		}
		assertThat(items.get(0).get("changes").get("name").get("after").asString()).isEqualTo("Customer 2");
		var second = api.get("/api/v1/audit?entityType=customer&action=create&limit=2&cursor="
				+ first.json().get("nextCursor").asString(), token);
		assertThat(second.json().get("items")).hasSize(1);
		assertThat(second.json().get("items").get(0).get("changes").get("name").get("after").asString())
			.isEqualTo("Customer 0");
		assertThat(second.json().get("nextCursor").isNull()).isTrue();
		assertThat(api.get("/api/v1/audit?actorId=" + tenant.admin().id().value() + "&action=auth.sign_in", token)
			.json()
			.get("items")).hasSize(1);
	}

	@Test
	void refusesUsersWithoutAuditPermission() {
		var viewer = Tenants.newUser(identity, tenant, Tier.EMPLOYEE, List.of("VIEWER"), null);
		String viewerToken = api.login(tenant.slug(), viewer.email(), Tenants.PASSWORD).access();

		for (String path : List.of("/api/v1/audit", "/api/v1/audit/verify", "/api/v1/audit/checkpoints",
				"/api/v1/audit/export")) {
			var refused = api.get(path, viewerToken);
			assertThat(refused.status()).as(path).isEqualTo(403);
			assertThat(refused.code()).isEqualTo("forbidden");
		}
	}

	@Test
	void publishesSignedCheckpointsThatToolsOtherThanPraxCanCheck() throws Exception {
		checkpoints.signNow();

		JsonNode checkpoint = api.get("/api/v1/audit/checkpoints", token).json().get("items").get(0);
		JsonNode key = api.get("/api/v1/audit/public-keys", token).json().get("items").get(0);
		JsonNode verify = api.get("/api/v1/audit/verify", token).json();

		assertThat(checkpoint.get("seq").asLong()).isEqualTo(verify.get("headSeq").asLong());
		assertThat(checkpoint.get("checksum").asString()).isEqualTo(verify.get("headChecksum").asString());
		assertThat(checkpoint.get("keyId").asString()).isEqualTo(key.get("keyId").asString());
		assertThat(verify.get("checkpointsVerified").asLong()).isEqualTo(1);
		String[] note = checkpoint.get("note").asString().split("\n", -1);
		assertThat(note[0]).isEqualTo("prax.io/audit/" + tenant.id());
		assertThat(note[1]).isEqualTo(checkpoint.get("seq").asString());
		assertThat(Base64.getDecoder().decode(note[2]))
			.isEqualTo(java.util.HexFormat.of().parseHex(checkpoint.get("checksum").asString()));
		assertThat(note[3]).isEmpty();
		assertThat(note[4]).startsWith("\u2014 prax.io/audit/" + tenant.id() + " ");
		assertThat(key.get("verifierKey").asString()).startsWith("prax.io/audit/" + tenant.id() + "+");
		String body = note[0] + "\n" + note[1] + "\n" + note[2] + "\n";
		assertThat(SignedNote.verify(SignedNote.fromPem(key.get("publicKeyPem").asString()), body,
				Base64.getDecoder().decode(checkpoint.get("signature").asString())))
			.isTrue();
	}

	@Test
	void offlineVerifierAcceptsAGenuineExportAndRejectsAModifiedOne() throws Exception {
		checkpoints.signNow();
		api.post("/api/v1/customers", Map.of("name", "After the checkpoint"), token);
		Path export = download("/api/v1/audit/export");
		Path key = dir.resolve("key.pem");
		Files.writeString(key,
				api.get("/api/v1/audit/public-keys", token).json().get("items").get(0).get("publicKeyPem").asString());

		String genuine = runVerifier(export, key);
		assertThat(genuine).startsWith("0 VALID");
		String head = genuine.replaceAll("(?s).* headSeq=(\\d+) .*", "$1");
		assertThat(genuine).as("the export's head is signed").contains("signedUpTo=" + head);

		Path modified = rewrite(export, "Customer 1", "Customer X");
		String rejected = runVerifier(modified, key);
		assertThat(rejected).startsWith("1 INVALID").contains("problem=content_changed");

		Path otherKey = dir.resolve("other.pem");
		Files.writeString(otherKey,
				SignedNote.pem(KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPublic()));
		assertThat(runVerifier(export, otherKey)).startsWith("1 INVALID").contains("problem=bad_checkpoint_signature");
	}

	@Test
	void offlineVerifierRefusesEventsNoCheckpointCoversUnlessTheCallerAcceptsThem() throws Exception {
		checkpoints.signNow();
		api.post("/api/v1/customers", Map.of("name", "After the first checkpoint"), token);
		Path export = download("/api/v1/audit/export");
		Path key = dir.resolve("key.pem");
		Files.writeString(key,
				api.get("/api/v1/audit/public-keys", token).json().get("items").get(0).get("publicKeyPem").asString());
		JsonNode signed = api.get("/api/v1/audit/checkpoints", token).json().get("items");
		assertThat(signed).hasSizeGreaterThanOrEqualTo(2);
		long first = signed.get(0).get("seq").asLong();

		Path stripped = replaceEntry(export, AuditManagement.CHECKPOINTS_FILE, "[]");
		assertThat(runVerifier(stripped, key)).startsWith("1 INVALID")
			.contains("signedUpTo=0", "firstInvalidSeq=1 problem=unsigned_tail");
		assertThat(runVerifier(stripped, key, "--allow-unsigned-tail")).startsWith("0 VALID").contains("signedUpTo=0");

		String firstOnly;
		try (ZipFile zip = new ZipFile(export.toFile())) {
			JsonNode all = CanonicalJson.JSON
				.readTree(zip.getInputStream(zip.getEntry(AuditManagement.CHECKPOINTS_FILE)));
			assertThat(all.size()).isGreaterThanOrEqualTo(2);
			firstOnly = "[" + all.get(0) + "]";
		}
		Path short_ = replaceEntry(export, AuditManagement.CHECKPOINTS_FILE, firstOnly);
		assertThat(runVerifier(short_, key)).startsWith("1 INVALID")
			.contains("signedUpTo=" + first, "firstInvalidSeq=" + (first + 1) + " problem=unsigned_tail");
		assertThat(runVerifier(short_, key, "--allow-unsigned-tail")).startsWith("0 VALID");
		assertThat(runVerifier(export, key)).startsWith("0 VALID");
	}

	private String runVerifier(Path zip, Path key, String... options) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		List<String> args = new java.util.ArrayList<>(List.of(zip.toString(), "--public-key", key.toString()));
		args.addAll(List.of(options));
		int code = AuditExportVerifier.run(args.toArray(String[]::new),
				new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(new ByteArrayOutputStream()));
		return code + " " + out.toString(StandardCharsets.UTF_8);
	}

	private Path replaceEntry(Path zip, String name, String content) throws Exception {
		Path target = dir.resolve("replaced-" + java.util.UUID.randomUUID() + ".zip");
		try (ZipFile source = new ZipFile(zip.toFile());
				ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(target))) {
			for (ZipEntry entry : java.util.Collections.list(source.entries())) {
				byte[] bytes = source.getInputStream(entry).readAllBytes();
				out.putNextEntry(new ZipEntry(entry.getName()));
				out.write(entry.getName().equals(name) ? content.getBytes(StandardCharsets.UTF_8) : bytes);
				out.closeEntry();
			}
		}
		return target;
	}

	private Path download(String path) throws Exception {
		HttpResponse<byte[]> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
				.header("Authorization", "Bearer " + token)
				.build(), HttpResponse.BodyHandlers.ofByteArray());
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying(t -> assertThat(t).contains("zip"));
		Path file = dir.resolve("export.zip");
		Files.write(file, response.body());
		return file;
	}

	private Path rewrite(Path zip, String from, String to) throws Exception {
		Path target = dir.resolve("modified.zip");
		try (ZipFile source = new ZipFile(zip.toFile());
				ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(target))) {
			for (ZipEntry entry : java.util.Collections.list(source.entries())) {
				String text = new String(source.getInputStream(entry).readAllBytes(), StandardCharsets.UTF_8);
				out.putNextEntry(new ZipEntry(entry.getName()));
				out.write((entry.getName().endsWith(".jsonl") ? text.replace(from, to) : text)
					.getBytes(StandardCharsets.UTF_8));
				out.closeEntry();
			}
		}
		return target;
	}

}
