package io.prax.invoicing;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.imageio.ImageIO;

import io.prax.document.BlobStore;
import io.prax.identity.UserLifecycle;
import io.prax.identity.Onboarding;
import io.prax.identity.Tier;
import io.prax.identity.UserAccount;
import io.prax.support.Api;
import io.prax.support.Multipart;
import io.prax.support.PraxIntegrationTest;
import io.prax.support.Tenants;
import io.prax.support.Tenants.TestTenant;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static io.prax.invoicing.InvoiceFixtures.company;
import static io.prax.invoicing.InvoiceFixtures.createDraft;
import static io.prax.invoicing.InvoiceFixtures.customer;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Documents on invoices and the company logo: as visible as their record, the logo
 * verified and frozen on issue.
 */
@PraxIntegrationTest
class InvoiceDocumentsTests {

	static final byte[] PDF = "%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n"
		.getBytes(StandardCharsets.US_ASCII);

	@LocalServerPort
	int port;

	@Autowired
	Onboarding onboarding;

	@Autowired
	UserLifecycle identity;

	@Autowired
	BlobStore blobs;

	Api api;

	TestTenant tenant;

	String token;

	String customerId;

	@BeforeEach
	void signedInAdminWithCompany() {
		api = new Api(port);
		tenant = Tenants.newTenant(onboarding);
		token = api.login(tenant.slug(), tenant.adminEmail(), Tenants.PASSWORD).access();
		assertThat(api.send("PUT", "/api/v1/admin/company", company("Seller GmbH"), token).status()).isEqualTo(200);
		customerId = customer(api, token, "Buyer AG", "Munich");
	}

	@Test
	void attachesDocumentsToAnInvoiceAndListsThemOnItsPage() {
		String invoice = createDraft(api, token, customerId);

		var created = upload("invoice", invoice, "Purchase order.pdf", PDF, token);

		assertThat(created.status()).isEqualTo(201);
		assertThat(created.text("recordType")).isEqualTo("invoice");
		assertThat(api.get("/api/v1/documents?recordType=invoice&recordId=" + invoice, token).json().get("items"))
			.hasSize(1);
		assertThat(api.page("/invoices/" + invoice, token).body())
			.contains("/documents/panel?recordType=invoice&amp;recordId=" + invoice);
		assertThat(api.page("/documents/panel?recordType=invoice&recordId=" + invoice, token).body())
			.contains("Purchase order.pdf");
	}

	@Test
	void hidesInvoiceDocumentsFromOtherTenantsAndOtherAccounts() {
		String own = createDraft(api, token, customerId);
		api.post("/api/v1/invoices/" + own + "/issue", null, token);
		String ownDraft = createDraft(api, token, customerId);
		String otherCustomer = customer(api, token, "Someone Else", "Bonn");
		String other = createDraft(api, token, otherCustomer);
		api.post("/api/v1/invoices/" + other + "/issue", null, token);
		String ofOther = upload("invoice", other, "theirs.pdf", PDF, token).text("id");
		String ofOwn = upload("invoice", own, "ours.pdf", PDF, token).text("id");

		TestTenant b = Tenants.newTenant(onboarding);
		String tokenB = api.login(b.slug(), b.adminEmail(), Tenants.PASSWORD).access();
		assertThat(upload("invoice", own, "x.pdf", PDF, tokenB).status()).isEqualTo(404);
		assertThat(api.get("/api/v1/documents?recordType=invoice&recordId=" + own, tokenB).status()).isEqualTo(404);
		assertThat(api.get("/api/v1/documents/" + ofOwn, tokenB).status()).isEqualTo(404);

		UserAccount portal = Tenants.newUser(identity, tenant, Tier.CUSTOMER, List.of(), UUID.fromString(customerId));
		String portalToken = api.login(tenant.slug(), portal.email(), Tenants.PASSWORD).access();
		assertThat(api.get("/api/v1/documents?recordType=invoice&recordId=" + own, portalToken).json().get("items"))
			.hasSize(1);
		for (String id : List.of(other, ownDraft)) {
			assertThat(api.get("/api/v1/documents?recordType=invoice&recordId=" + id, portalToken).status())
				.isEqualTo(404);
		}
		assertThat(api.get("/api/v1/documents/" + ofOther, portalToken).status()).isEqualTo(404);
		assertThat(api.get("/api/v1/documents/" + ofOwn, portalToken).status()).isEqualTo(200);
	}

	@Test
	void showsPortalUsersTheirAccountsDocumentsOnTheirHome() {
		upload("customer", customerId, "Framework contract.pdf", PDF, token);
		String otherCustomer = customer(api, token, "Someone Else", "Bonn");
		UserAccount portal = Tenants.newUser(identity, tenant, Tier.CUSTOMER, List.of(), UUID.fromString(customerId));
		String portalToken = api.login(tenant.slug(), portal.email(), Tenants.PASSWORD).access();

		assertThat(api.page("/", portalToken).body())
			.contains("/documents/panel?recordType=customer&amp;recordId=" + customerId);
		String panel = api.page("/documents/panel?recordType=customer&recordId=" + customerId, portalToken).body();
		assertThat(panel).contains("Framework contract.pdf").doesNotContain("Upload a document");
		assertThat(api.page("/documents/panel?recordType=customer&recordId=" + otherCustomer, portalToken).status())
			.isEqualTo(404);
	}

	@Test
	void printsTheCompanyLogoAndRefusesOtherDocumentsAsLogo() throws Exception {
		String companyId = tenant.id().value().toString();
		String logo = upload("company", companyId, "logo.png", png(Color.BLUE), token).text("id");
		String pdf = upload("company", companyId, "letterhead.pdf", PDF, token).text("id");
		String ofCustomer = upload("customer", customerId, "customer.png", png(Color.RED), token).text("id");
		String invoice = createDraft(api, token, customerId);
		assertThat(imagesOnFirstPage(invoice)).isZero();

		for (String notALogo : List.of(pdf, ofCustomer, UUID.randomUUID().toString())) {
			var refused = api.send("PUT", "/api/v1/admin/company", withLogo(notALogo), token);
			assertThat(refused.status()).isEqualTo(400);
			assertThat(refused.code()).isEqualTo("validation_failed");
			assertThat(refused.body()).contains("logoDocumentId");
		}
		assertThat(api.send("PUT", "/api/v1/admin/company", withLogo(logo), token).status()).isEqualTo(200);

		assertThat(imagesOnFirstPage(invoice)).isEqualTo(1);
		assertThat(api.page("/invoices/" + invoice, token).body())
			.contains("class=\"party-logo\" src=\"data:image/png;base64,");
		String page = api.page("/admin/company", token).body();
		assertThat(page).contains("<option value=\"" + logo + "\" selected=\"selected\">logo.png</option>")
			.doesNotContain("letterhead.pdf</option>")
			.doesNotContain("Logo (document id)");

		// A logo whose bytes no longer match its SHA-256 is never embedded.
		var stored = api.get("/api/v1/documents/" + logo, token);
		Files.write(blobPath(stored.text("sha256")), png(Color.GREEN));
		assertThat(imagesOnFirstPage(invoice)).isZero();
	}

	@Test
	void keepsTheLogoAnIssuedInvoiceWasIssuedWith() throws Exception {
		String companyId = tenant.id().value().toString();
		var first = upload("company", companyId, "old-logo.png", png(Color.BLUE), token);
		String second = upload("company", companyId, "new-logo.png", png(Color.RED), token).text("id");
		api.send("PUT", "/api/v1/admin/company", withLogo(first.text("id")), token);
		String invoice = createDraft(api, token, customerId);
		var issued = api.post("/api/v1/invoices/" + invoice + "/issue", null, token);
		assertThat(issued.json().get("snapshot").get("seller").get("logoDocumentId").asString())
			.isEqualTo(first.text("id"));
		assertThat(issued.json().get("snapshot").get("seller").get("logoSha256").asString())
			.isEqualTo(first.text("sha256"));
		String before = api.page("/invoices/" + invoice, token).body();

		assertThat(api.send("PUT", "/api/v1/admin/company", withLogo(second), token).status()).isEqualTo(200);

		var after = api.get("/api/v1/invoices/" + invoice, token);
		assertThat(after.json().get("seller").get("logoDocumentId").asString()).isEqualTo(first.text("id"));
		assertThat(after.json().get("seller").get("logoSha256").asString()).isEqualTo(first.text("sha256"));
		assertThat(after.json().get("snapshotIntact").asBoolean()).isTrue();
		assertThat(logoOf(api.page("/invoices/" + invoice, token).body())).isEqualTo(logoOf(before))
			.contains(java.util.Base64.getEncoder().encodeToString(png(Color.BLUE)));
		assertThat(imagesOnFirstPage(invoice)).isEqualTo(1);
		String draft = createDraft(api, token, customerId);
		assertThat(logoOf(api.page("/invoices/" + draft, token).body()))
			.contains(java.util.Base64.getEncoder().encodeToString(png(Color.RED)));
		// Portal users get the logo printed on their invoice, yet cannot list the
		// company's documents.
		UserAccount portal = Tenants.newUser(identity, tenant, Tier.CUSTOMER, List.of(), UUID.fromString(customerId));
		String portalToken = api.login(tenant.slug(), portal.email(), Tenants.PASSWORD).access();
		assertThat(imagesOnFirstPage(invoice, portalToken)).isEqualTo(1);
		assertThat(api.get("/api/v1/documents?recordType=company&recordId=" + companyId, portalToken).status())
			.isEqualTo(404);
	}

	private java.nio.file.Path blobPath(String sha256) throws Exception {
		// The blob store's layout is the documents module's business: ask it where the
		// blob lives.
		var pathOf = blobs.getClass().getDeclaredMethod("pathOf", io.prax.tenancy.TenantId.class, String.class);
		pathOf.setAccessible(true);
		return (java.nio.file.Path) pathOf.invoke(blobs, tenant.id(), sha256);
	}

	private Map<String, Object> withLogo(String documentId) {
		Map<String, Object> body = new HashMap<>(company("Seller GmbH"));
		body.put("logoDocumentId", documentId);
		return body;
	}

	private static String logoOf(String page) {
		int start = page.indexOf("class=\"party-logo\" src=\"");
		assertThat(start).isNotNegative();
		return page.substring(start, page.indexOf('"', start + 24));
	}

	private int imagesOnFirstPage(String invoice) throws Exception {
		return imagesOnFirstPage(invoice, token);
	}

	private int imagesOnFirstPage(String invoice, String as) throws Exception {
		var request = java.net.http.HttpRequest
			.newBuilder(java.net.URI.create("http://localhost:" + port + "/api/v1/invoices/" + invoice + "/pdf"))
			.header("Authorization", "Bearer " + as)
			.build();
		byte[] bytes = java.net.http.HttpClient.newHttpClient()
			.send(request, java.net.http.HttpResponse.BodyHandlers.ofByteArray())
			.body();
		try (var document = Loader.loadPDF(bytes)) {
			return images(document.getPage(0).getResources());
		}
	}

	private static int images(PDResources resources) throws Exception {
		int count = 0;
		for (COSName name : resources.getXObjectNames()) {
			var object = resources.getXObject(name);
			if (object instanceof PDImageXObject) {
				count++;
			}
			else if (object instanceof org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject form
					&& form.getResources() != null) {
				count += images(form.getResources());
			}
		}
		return count;
	}

	static byte[] png(Color color) throws Exception {
		BufferedImage image = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
		var g = image.createGraphics();
		g.setColor(color);
		g.fillRect(0, 0, 8, 8);
		g.dispose();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ImageIO.write(image, "png", out);
		return out.toByteArray();
	}

	private Api.Response upload(String recordType, String recordId, String fileName, byte[] content, String as) {
		return new Multipart().field("recordType", recordType)
			.field("recordId", recordId)
			.file("file", fileName, "application/octet-stream", content)
			.post(port, "/api/v1/documents", as);
	}

}
