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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.prax.identity.Onboarding;
import io.prax.platform.PraxProperties;
import io.prax.support.Api;
import io.prax.support.PraxIntegrationTest;
import io.prax.support.Tenants;
import io.prax.support.Tenants.TestTenant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The checkpoint key rotates; checkpoints signed before stay verifiable with the retired
 * key, which stays published.
 */
@PraxIntegrationTest
class AuditKeyRotationTests {

	@LocalServerPort
	int port;

	@Autowired
	Onboarding onboarding;

	@Autowired
	AuditCheckpoints checkpoints;

	@Autowired
	PraxProperties properties;

	@TempDir
	Path dir;

	@Test
	void checkpointsOfARetiredKeyStayVerifiableWithIt() throws Exception {
		Api api = new Api(port);
		TestTenant tenant = Tenants.newTenant(onboarding);
		String token = api.login(tenant.slug(), tenant.adminEmail(), Tenants.PASSWORD).access();
		checkpoints.signNow();
		JsonNode oldKey = api.get("/api/v1/audit/public-keys", token).json().get("items").get(0);
		assertThat(oldKey.get("current").asBoolean()).isTrue();

		Path keysDir = properties.resolvedKeysDir();
		ByteArrayOutputStream said = new ByteArrayOutputStream();
		int rotated = AuditKeyRotation.run(new String[] { "--keys-dir", keysDir.toString() }, Map.of(),
				new PrintStream(said, true, StandardCharsets.UTF_8), System.err);
		assertThat(rotated).isZero();
		assertThat(AuditKeyRotation.run(new String[] { "--keys-dir", dir.resolve("typo").toString() }, Map.of(),
				System.out, new PrintStream(new ByteArrayOutputStream())))
			.as("no key there to rotate")
			.isEqualTo(1);
		assertThat(dir.resolve("typo")).doesNotExist();
		api.post("/api/v1/customers", Map.of("name", "Signed by the new key"), token);
		Path export = download(token);

		JsonNode keys = api.get("/api/v1/audit/public-keys", token).json().get("items");
		JsonNode newKey = keys.get(0);
		assertThat(newKey.get("current").asBoolean()).isTrue();
		assertThat(newKey.get("keyId").asString()).isNotEqualTo(oldKey.get("keyId").asString());
		assertThat(keys).anySatisfy(k -> {
			assertThat(k.get("keyId").asString()).isEqualTo(oldKey.get("keyId").asString());
			assertThat(k.get("current").asBoolean()).isFalse();
		});
		JsonNode signed = api.get("/api/v1/audit/checkpoints", token).json().get("items");
		assertThat(signed).hasSize(2);
		assertThat(signed.get(0).get("keyId").asString()).isEqualTo(oldKey.get("keyId").asString());
		assertThat(signed.get(1).get("keyId").asString()).isEqualTo(newKey.get("keyId").asString());
		JsonNode verify = api.get("/api/v1/audit/verify", token).json();
		assertThat(verify.get("valid").asBoolean()).isTrue();
		assertThat(verify.get("checkpointsVerified").asLong()).isEqualTo(2);
		String retiredFile = said.toString(StandardCharsets.UTF_8).replaceAll("(?s).* kept as (\\S+) .*", "$1").strip();
		assertThat(Files.readString(Path.of(retiredFile))).contains("PUBLIC KEY").doesNotContain("PRIVATE KEY");

		Path oldPem = pem(oldKey, "old.pem");
		Path newPem = pem(newKey, "new.pem");
		long firstSeq = signed.get(0).get("seq").asLong();
		long secondSeq = signed.get(1).get("seq").asLong();
		assertThat(runVerifier(export, oldPem, newPem)).startsWith("0 VALID")
			.contains("checkpointsVerified=2", "signedUpTo=" + secondSeq);
		assertThat(runVerifier(export)).as("the export publishes both keys").startsWith("0 ").contains("\nVALID ");
		String newOnly = runVerifier(export, newPem);
		assertThat(newOnly).startsWith("1 ")
			.contains("INVALID tenant")
			.contains("firstInvalidSeq=" + firstSeq + " problem=bad_checkpoint_signature")
			.contains("signed with key id " + oldKey.get("keyId").asString());
		assertThat(runVerifier(export, oldPem)).startsWith("1 ")
			.contains("INVALID tenant")
			.contains("firstInvalidSeq=" + secondSeq + " problem=bad_checkpoint_signature");
	}

	private Path pem(JsonNode key, String name) throws Exception {
		Path file = dir.resolve(name);
		Files.writeString(file, key.get("publicKeyPem").asString());
		return file;
	}

	private String runVerifier(Path zip, Path... keys) {
		List<String> args = new ArrayList<>(List.of(zip.toString()));
		for (Path key : keys) {
			args.add("--public-key");
			args.add(key.toString());
		}
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		int code = AuditExportVerifier.run(args.toArray(String[]::new),
				new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(out, true, StandardCharsets.UTF_8));
		return code + " " + out.toString(StandardCharsets.UTF_8);
	}

	private Path download(String token) throws Exception {
		HttpResponse<byte[]> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/audit/export"))
				.header("Authorization", "Bearer " + token)
				.build(), HttpResponse.BodyHandlers.ofByteArray());
		assertThat(response.statusCode()).isEqualTo(200);
		Path file = dir.resolve("export.zip");
		Files.write(file, response.body());
		return file;
	}

}
