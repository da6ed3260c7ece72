package io.prax.document;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.prax.identity.UserLifecycle;
import io.prax.identity.Onboarding;
import io.prax.identity.Tier;
import io.prax.identity.UserAccount;
import io.prax.support.Api;
import io.prax.support.Multipart;
import io.prax.support.PraxIntegrationTest;
import io.prax.support.Tenants;
import io.prax.support.Tenants.TestTenant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Documents (F5) through the REST API: storage by SHA-256, integrity on every read, safe
 * downloads, visibility.
 */
@PraxIntegrationTest
class DocumentApiTests {

	static final byte[] PDF = "%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n"
		.getBytes(StandardCharsets.US_ASCII);

	@LocalServerPort
	int port;

	@Autowired
	Onboarding onboarding;

	@Autowired
	UserLifecycle identity;

	@Autowired
	FileSystemBlobStore blobs;

	Api api;

	TestTenant tenant;

	String token;

	String customer;

	@BeforeEach
	void signedInAdminWithACustomer() {
		api = new Api(port);
		tenant = Tenants.newTenant(onboarding);
		token = api.login(tenant.slug(), tenant.adminEmail(), Tenants.PASSWORD).access();
		customer = api.post("/api/v1/customers", Map.of("name", "Initech GmbH"), token).text("id");
	}

	@Test
	void uploadsListsAndDownloadsAFile() {
		var created = upload(customer, "Contract 2026.pdf", "application/x-whatever", PDF, token);

		assertThat(created.status()).isEqualTo(201);
		String id = created.text("id");
		assertThat(created.raw().headers().firstValue("Location")).hasValue("/api/v1/documents/" + id);
		assertThat(created.text("sha256")).isEqualTo(sha256(PDF));
		assertThat(created.json().get("size").asLong()).isEqualTo(PDF.length);
		assertThat(created.text("contentType")).isEqualTo("application/pdf");
		assertThat(created.text("fileName")).isEqualTo("Contract 2026.pdf");
		assertThat(created.text("recordType")).isEqualTo("customer");
		assertThat(created.text("recordId")).isEqualTo(customer);
		assertThat(created.text("createdBy")).isEqualTo(tenant.admin().id().toString());
		assertThat(created.text("createdAt")).endsWith("Z");

		var list = api.get("/api/v1/documents?recordType=customer&recordId=" + customer, token);
		assertThat(list.json().get("items")).hasSize(1);
		assertThat(list.json().get("items").get(0).get("id").asString()).isEqualTo(id);
		assertThat(list.json().get("nextCursor").isNull()).isTrue();
		assertThat(api.get("/api/v1/documents/" + id, token).text("sha256")).isEqualTo(sha256(PDF));

		var content = download(id, token);
		assertThat(content.statusCode()).isEqualTo(200);
		assertThat(content.body()).isEqualTo(PDF);
		assertThat(content.headers().firstValue("Content-Type")).hasValue("application/pdf");
		assertThat(content.headers().firstValue("Content-Disposition"))
			.hasValue("attachment; filename=\"Contract 2026.pdf\"; filename*=UTF-8''Contract%202026.pdf");
		assertThat(content.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
		assertThat(api.get("/api/v1/audit?entityType=document&entityId=" + id + "&action=create", token)
			.json()
			.get("items")).hasSize(1);
	}

	@Test
	void detectsACorruptedBlobOnReadAndNeverServesIt() throws Exception {
		String id = upload(customer, "report.pdf", "application/pdf", PDF, token).text("id");
		// Same length, other bytes: only the hash can tell.
		byte[] corrupted = new String(PDF, StandardCharsets.US_ASCII).replace("endobj", "EVILob")
			.getBytes(StandardCharsets.US_ASCII);
		assertThat(corrupted).hasSameSizeAs(PDF);
		Files.write(blobs.pathOf(tenant.id(), sha256(PDF)), corrupted);

		var content = download(id, token);

		assertThat(content.statusCode()).isEqualTo(500);
		String body = new String(content.body(), StandardCharsets.UTF_8);
		assertThat(body).contains("\"code\":\"integrity_failed\"").doesNotContain("EVIL");
		assertThat(content.headers().firstValue("Content-Type"))
			.hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
		JsonNode events = api.get("/api/v1/audit?action=document.integrity_failed&entityId=" + id, token)
			.json()
			.get("items");
		assertThat(events).hasSize(1);
		assertThat(events.get(0).get("changes").get("sha256").asString()).isEqualTo(sha256(PDF));
		assertThat(events.get(0).get("changes").get("found").asString()).isEqualTo(sha256(corrupted));

		Files.delete(blobs.pathOf(tenant.id(), sha256(PDF)));
		assertThat(download(id, token).statusCode()).isEqualTo(500);
	}

	@Test
	void servesHtmlUploadedAsPngOnlyAsAnAttachment() {
		byte[] html = "<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>"
			.getBytes(StandardCharsets.UTF_8);

		var created = upload(customer, "cat.png", "image/png", html, token);
		assertThat(created.text("contentType")).isEqualTo("text/html");

		var content = download(created.text("id"), token);
		assertThat(content.statusCode()).isEqualTo(200);
		assertThat(content.headers().firstValue("Content-Type"))
			.hasValueSatisfying(type -> assertThat(type).doesNotContain("html")
				.doesNotContain("image")
				.startsWith("application/octet-stream"));
		assertThat(content.headers().firstValue("Content-Disposition"))
			.hasValueSatisfying(disposition -> assertThat(disposition).startsWith("attachment;"));
		assertThat(content.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
		assertThat(content.headers().allValues("Content-Security-Policy")).containsExactly(Downloads.SANDBOX);
	}

	@Test
	void treatsSvgAndScriptsAsActiveContent() {
		byte[] svg = "<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"
			.getBytes(StandardCharsets.UTF_8);
		var created = upload(customer, "logo.svg", "image/svg+xml", svg, token);

		assertThat(created.text("contentType")).isEqualTo("image/svg+xml");
		assertThat(download(created.text("id"), token).headers().firstValue("Content-Type"))
			.hasValue("application/octet-stream");
	}

	@Test
	void makesFileNamesSafeForStorageAndHeaders() {
		var created = upload(customer, "..\\\\..\\\\etc/pass\\\"wd\u202Egnp.exe", "text/plain",
				"hello".getBytes(StandardCharsets.UTF_8), token);

		assertThat(created.status()).isEqualTo(201);
		String name = created.text("fileName");
		assertThat(name).doesNotContain("/", "\\", "\"", "\u202E", "\r", "\n", "..");
		var content = download(created.text("id"), token);
		assertThat(content.headers().firstValue("Content-Disposition")).hasValueSatisfying(disposition -> {
			assertThat(disposition).startsWith("attachment; filename=\"");
			assertThat(disposition.chars().filter(c -> c == '"').count()).isEqualTo(2);
		});
	}

	@Test
	void deduplicatesWithinATenantButNeverAcrossTenants() throws Exception {
		String other = api.post("/api/v1/customers", Map.of("name", "Hooli"), token).text("id");
		var first = upload(customer, "same.pdf", "application/pdf", PDF, token);
		var second = upload(other, "again.pdf", "application/pdf", PDF, token);
		assertThat(second.text("sha256")).isEqualTo(first.text("sha256"));
		assertThat(second.text("id")).isNotEqualTo(first.text("id"));
		Path blob = blobs.pathOf(tenant.id(), sha256(PDF));
		try (var files = Files.list(blob.getParent())) {
			assertThat(files.filter(f -> f.getFileName().toString().equals(sha256(PDF))).count()).isEqualTo(1);
		}

		TestTenant b = Tenants.newTenant(onboarding);
		String tokenB = api.login(b.slug(), b.adminEmail(), Tenants.PASSWORD).access();
		String customerB = api.post("/api/v1/customers", Map.of("name", "Pied Piper"), tokenB).text("id");
		var ofB = upload(customerB, "theirs.pdf", "application/pdf", PDF, tokenB);
		assertThat(ofB.status()).isEqualTo(201);

		// B's copy is its own: corrupting A's blob leaves B's document intact, and A
		// never sees B's.
		assertThat(blobs.pathOf(b.id(), sha256(PDF))).exists().isNotEqualTo(blob);
		Files.write(blob, "broken".getBytes(StandardCharsets.US_ASCII));
		assertThat(download(ofB.text("id"), tokenB).body()).isEqualTo(PDF);
		assertThat(download(first.text("id"), token).statusCode()).isEqualTo(500);

		// Uploading the good bytes again repairs the tenant's blob.
		upload(customer, "repair.pdf", "application/pdf", PDF, token);
		assertThat(download(first.text("id"), token).body()).isEqualTo(PDF);
	}

	@Test
	void answersNotFoundForAnotherTenantsDocumentsAlsoByGuessingIds() {
		String id = upload(customer, "secret.pdf", "application/pdf", PDF, token).text("id");
		TestTenant b = Tenants.newTenant(onboarding);
		String tokenB = api.login(b.slug(), b.adminEmail(), Tenants.PASSWORD).access();

		assertThat(api.get("/api/v1/documents/" + id, tokenB).status()).isEqualTo(404);
		assertThat(download(id, tokenB).statusCode()).isEqualTo(404);
		assertThat(api.delete("/api/v1/documents/" + id, Map.of("reason", "mine now"), tokenB).status()).isEqualTo(404);
		assertThat(api.get("/api/v1/documents?recordType=customer&recordId=" + customer, tokenB).status())
			.isEqualTo(404);
		var attach = upload(customer, "planted.pdf", "application/pdf", PDF, tokenB);
		assertThat(attach.status()).isEqualTo(404);
		assertThat(attach.code()).isEqualTo("not_found");
		for (int i = 0; i < 5; i++) {
			String guess = UUID.randomUUID().toString();
			assertThat(api.get("/api/v1/documents/" + guess, token).status()).isEqualTo(404);
			assertThat(download(guess, token).statusCode()).isEqualTo(404);
			assertThat(upload(guess, "x.pdf", "application/pdf", PDF, token).status()).isEqualTo(404);
		}
		assertThat(api.get("/api/v1/documents/" + id, token).status()).isEqualTo(200);
		assertThat(api.get("/api/v1/documents?recordType=customer&recordId=" + customer, token).json().get("items"))
			.hasSize(1);
	}

	@Test
	void confinesACustomerPortalUserToItsOwnAccountsDocuments() {
		String other = api.post("/api/v1/customers", Map.of("name", "Other Account"), token).text("id");
		String own = upload(customer, "own.pdf", "application/pdf", PDF, token).text("id");
		String foreign = upload(other, "foreign.pdf", "application/pdf", "%PDF-1.4 other".getBytes(), token).text("id");
		UserAccount portal = Tenants.newUser(identity, tenant, Tier.CUSTOMER, List.of(), UUID.fromString(customer));
		String portalToken = api.login(tenant.slug(), portal.email(), Tenants.PASSWORD).access();

		assertThat(
				api.get("/api/v1/documents?recordType=customer&recordId=" + customer, portalToken).json().get("items"))
			.hasSize(1);
		assertThat(api.get("/api/v1/documents/" + own, portalToken).status()).isEqualTo(200);
		assertThat(download(own, portalToken).body()).isEqualTo(PDF);

		assertThat(api.get("/api/v1/documents?recordType=customer&recordId=" + other, portalToken).status())
			.isEqualTo(404);
		assertThat(api.get("/api/v1/documents/" + foreign, portalToken).status()).isEqualTo(404);
		assertThat(download(foreign, portalToken).statusCode()).isEqualTo(404);
		String panel = api.page("/documents/panel?recordType=customer&recordId=" + customer, portalToken).body();
		assertThat(panel).contains("own.pdf")
			.doesNotContain("foreign.pdf")
			.doesNotContain("Upload a document")
			.doesNotContain("Remove document");
		assertThat(api.page("/documents/panel?recordType=customer&recordId=" + other, portalToken).status())
			.isEqualTo(404);
		assertThat(upload(customer, "x.pdf", "application/pdf", PDF, portalToken).status()).isEqualTo(403);
		assertThat(api.delete("/api/v1/documents/" + own, Map.of("reason", "no"), portalToken).status()).isEqualTo(403);
	}

	@Test
	void refusesAnUploadLargerThanTheLimit() {
		byte[] large = new byte[25 * 1024 * 1024 + 1];

		var refused = upload(customer, "huge.bin", "application/octet-stream", large, token);

		assertThat(refused.status()).isEqualTo(413);
		assertThat(refused.code()).isEqualTo("payload_too_large");
		assertThat(api.get("/api/v1/documents?recordType=customer&recordId=" + customer, token).json().get("items"))
			.isEmpty();
	}

	@Test
	void softDeletesWithAReasonAndKeepsTheSharedBytes() {
		String id = upload(customer, "old.pdf", "application/pdf", PDF, token).text("id");
		String twin = upload(customer, "twin.pdf", "application/pdf", PDF, token).text("id");

		var withoutReason = api.delete("/api/v1/documents/" + id, null, token);
		assertThat(withoutReason.status()).isEqualTo(400);
		assertThat(withoutReason.json().get("errors").has("reason")).isTrue();

		assertThat(api.delete("/api/v1/documents/" + id, Map.of("reason", "Superseded"), token).status())
			.isEqualTo(204);
		assertThat(api.get("/api/v1/documents/" + id, token).status()).isEqualTo(404);
		assertThat(download(id, token).statusCode()).isEqualTo(404);
		assertThat(api.get("/api/v1/documents?recordType=customer&recordId=" + customer, token).json().get("items"))
			.hasSize(1);
		assertThat(download(twin, token).body()).isEqualTo(PDF);
		JsonNode deletion = api.get("/api/v1/audit?entityType=document&entityId=" + id + "&action=delete", token)
			.json()
			.get("items")
			.get(0);
		assertThat(deletion.get("reason").asString()).isEqualTo("Superseded");
	}

	@Test
	void validatesTheRequest() {
		var unknownType = upload(customer, "a.pdf", "application/pdf", PDF, token, "spaceship");
		assertThat(unknownType.status()).isEqualTo(400);
		assertThat(unknownType.json().get("errors").has("recordType")).isTrue();

		var empty = upload(customer, "empty.txt", "text/plain", new byte[0], token);
		assertThat(empty.status()).isEqualTo(400);

		var noFile = new Multipart().field("recordType", "customer")
			.field("recordId", customer)
			.post(port, "/api/v1/documents", token);
		assertThat(noFile.status()).isEqualTo(400);
		assertThat(noFile.json().get("errors").has("file")).isTrue();

		assertThat(api.get("/api/v1/documents", token).code()).isEqualTo("validation_failed");
		assertThat(api.get("/api/v1/documents?recordType=customer&recordId=" + customer + "&limit=501", token).status())
			.isEqualTo(400);
		assertThat(
				api.get("/api/v1/documents?recordType=customer&recordId=" + customer + "&cursor=bogus", token).status())
			.isEqualTo(400);
	}

	/**
	 * A request that is not the multipart it claims to be is the client's error, not
	 * ours.
	 */
	@Test
	void answersABrokenMultipartRequestWithAProblemNotA500() {
		for (String contentType : List.of("multipart/form-data; boundary=prax-none", "multipart/form-data")) {
			var broken = Multipart.send(port, "/api/v1/documents", contentType,
					"this is not a multipart body".getBytes(StandardCharsets.UTF_8), token);

			assertThat(broken.status()).as(contentType).isEqualTo(400);
			assertThat(broken.raw().headers().firstValue("Content-Type"))
				.hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
			assertThat(broken.code()).isIn("malformed_request", "validation_failed");
			assertThat(broken.body()).doesNotContain("Exception").doesNotContain("\tat ");
		}
	}

	@Test
	void pagesThroughARecordsDocumentsNewestFirst() {
		for (String name : List.of("one.txt", "two.txt", "three.txt")) {
			upload(customer, name, "text/plain", name.getBytes(StandardCharsets.UTF_8), token);
		}

		var first = api.get("/api/v1/documents?recordType=customer&recordId=" + customer + "&limit=2", token);
		var second = api.get("/api/v1/documents?recordType=customer&recordId=" + customer + "&limit=2&cursor="
				+ first.text("nextCursor"), token);

		assertThat(names(first)).containsExactly("three.txt", "two.txt");
		assertThat(names(second)).containsExactly("one.txt");
		assertThat(second.json().get("nextCursor").isNull()).isTrue();
	}

	@Test
	void needsTheDocumentPermissionsAndRespectsTheFeatureGate() {
		String id = upload(customer, "a.pdf", "application/pdf", PDF, token).text("id");
		UserAccount viewer = Tenants.newUser(identity, tenant, Tier.EMPLOYEE, List.of("VIEWER"), null);
		String viewerToken = api.login(tenant.slug(), viewer.email(), Tenants.PASSWORD).access();

		assertThat(download(id, viewerToken).statusCode()).isEqualTo(200);
		assertThat(api.page("/documents/panel?recordType=customer&recordId=" + customer, viewerToken).body())
			.contains("a.pdf")
			.doesNotContain("Upload a document")
			.doesNotContain("Remove document");
		assertThat(upload(customer, "b.pdf", "application/pdf", PDF, viewerToken).code()).isEqualTo("forbidden");
		assertThat(api.delete("/api/v1/documents/" + id, Map.of("reason", "x"), viewerToken).code())
			.isEqualTo("forbidden");

		api.send("PUT", "/api/v1/admin/feature-gates", Map.of("modules", Map.of("documents", Map.of("enabled", false))),
				token);
		assertThat(api.get("/api/v1/documents/" + id, token).code()).isEqualTo("feature_disabled");
		assertThat(upload(customer, "c.pdf", "application/pdf", PDF, token).code()).isEqualTo("feature_disabled");
		assertThat(download(id, token).statusCode()).isEqualTo(403);
		assertThat(api.page("/documents/panel?recordType=customer&recordId=" + customer, token).body())
			.doesNotContain("a.pdf")
			.doesNotContain("documents-heading");
	}

	private Api.Response upload(String recordId, String fileName, String claimedType, byte[] content, String as) {
		return upload(recordId, fileName, claimedType, content, as, "customer");
	}

	private Api.Response upload(String recordId, String fileName, String claimedType, byte[] content, String as,
			String recordType) {
		return new Multipart().field("recordType", recordType)
			.field("recordId", recordId)
			.file("file", fileName, claimedType, content)
			.post(port, "/api/v1/documents", as);
	}

	private java.net.http.HttpResponse<byte[]> download(String id, String as) {
		try {
			return java.net.http.HttpClient.newHttpClient()
				.send(java.net.http.HttpRequest
					.newBuilder(
							java.net.URI.create("http://localhost:" + port + "/api/v1/documents/" + id + "/content"))
					.header("Authorization", "Bearer " + as)
					.build(), java.net.http.HttpResponse.BodyHandlers.ofByteArray());
		}
		catch (java.io.IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static List<String> names(Api.Response response) {
		return response.json().get("items").valueStream().map(item -> item.get("fileName").asString()).toList();
	}

	static String sha256(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (java.security.NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
