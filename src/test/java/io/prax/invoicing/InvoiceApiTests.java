package io.prax.invoicing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.prax.identity.UserLifecycle;
import io.prax.identity.Onboarding;
import io.prax.identity.Tier;
import io.prax.identity.UserAccount;
import io.prax.platform.Digests;
import io.prax.support.Api;
import io.prax.support.PraxIntegrationTest;
import io.prax.support.Tenants;
import io.prax.support.Tenants.TestTenant;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.erdtman.jcs.JsonCanonicalizer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import static io.prax.invoicing.InvoiceFixtures.company;
import static io.prax.invoicing.InvoiceFixtures.createDraft;
import static io.prax.invoicing.InvoiceFixtures.customer;
import static io.prax.invoicing.InvoiceFixtures.draft;
import static io.prax.invoicing.InvoiceFixtures.line;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Invoices (F3, F16) through the REST API: drafts, issuing, frozen snapshots, locks,
 * payments, credit notes, numbers.
 */
@PraxIntegrationTest
class InvoiceApiTests {

	@LocalServerPort
	int port;

	@Autowired
	Onboarding onboarding;

	@Autowired
	UserLifecycle identity;

	@Autowired
	org.springframework.context.ApplicationContext context;

	Api api;

	TestTenant tenant;

	String token;

	String customerId;

	@BeforeEach
	void signedInAdminWithCompany() {
		api = new Api(port);
		tenant = Tenants.newTenant(onboarding);
		token = api.login(tenant.slug(), tenant.adminEmail(), Tenants.PASSWORD).access();
		assertThat(api.send("PUT", "/api/v1/admin/company", company("Seller Original GmbH"), token).status())
			.isEqualTo(200);
		customerId = customer(api, token, "Buyer Original AG", "Munich");
	}

	@Test
	void computesDraftTotalsWithTaxRoundedPerLineAndSummedPerRate() {
		var draft = api.get("/api/v1/invoices/" + createDraft(api, token, customerId), token).json();

		assertThat(draft.get("status").asString()).isEqualTo("DRAFT");
		assertThat(draft.get("number").isNull()).isTrue();
		// 1200.00 + 85.50 + 100.00 (3 x 33.333 = 99.999 rounded); tax 228.00 + 5.99
		// (5.985 half-up) + 19.00
		assertThat(draft.get("lines").get(2).get("netAmount").asString()).isEqualTo("100.00");
		assertThat(draft.get("lines").get(1).get("taxAmount").asString()).isEqualTo("5.99");
		assertThat(draft.get("netTotal").asString()).isEqualTo("1385.50");
		assertThat(draft.get("taxTotal").asString()).isEqualTo("252.99");
		assertThat(draft.get("grossTotal").asString()).isEqualTo("1638.49");
		assertThat(draft.get("taxSummary")).hasSize(2);
		assertThat(draft.get("taxSummary").get(1).get("rate").asString()).isEqualTo("0.19");
		assertThat(draft.get("taxSummary").get(1).get("taxAmount").asString()).isEqualTo("247.00");
	}

	@Test
	void usesTheMinorUnitOfTheCurrency() {
		var yen = api.post("/api/v1/invoices", draft(customerId, "JPY", List.of(line("Ramen", "3", "333.5", "0.1"))),
				token);
		var dinar = api.post("/api/v1/invoices", draft(customerId, "KWD", List.of(line("Oil", "1", "1.2345", "0.05"))),
				token);

		assertThat(yen.json().get("grossTotal").asString()).isEqualTo("1101");
		assertThat(dinar.json().get("netTotal").asString()).isEqualTo("1.235");
		assertThat(dinar.json().get("taxTotal").asString()).isEqualTo("0.062");
	}

	@Test
	void rejectsInvalidDraftsWithFieldErrors() {
		var invalid = api.post("/api/v1/invoices",
				Map.of("customerId", customerId, "currency", "EURO", "lines",
						List.of(Map.of("description", "", "quantity", "-1", "unitPrice", "1", "taxRate", "19"))),
				token);

		assertThat(invalid.status()).isEqualTo(400);
		assertThat(invalid.code()).isEqualTo("validation_failed");
		assertThat(invalid.json().get("errors").propertyNames()).contains("currency", "lines[0].description",
				"lines[0].quantity", "lines[0].taxRate");
		assertThat(api.get("/api/v1/invoices", token).json().get("items")).isEmpty();
	}

	@Test
	void editsDraftsWithTheCurrentVersionOnly() {
		String id = createDraft(api, token, customerId);

		var edited = api.patch("/api/v1/invoices/" + id,
				Map.of("version", 0, "lines", List.of(line("One thing", "1", "10.00", "0.19"))), token);
		assertThat(edited.status()).isEqualTo(200);
		assertThat(edited.json().get("grossTotal").asString()).isEqualTo("11.90");

		var stale = api.patch("/api/v1/invoices/" + id, Map.of("version", 0, "notes", "lost"), token);
		assertThat(stale.status()).isEqualTo(409);
		assertThat(stale.code()).isEqualTo("version_conflict");
	}

	@Test
	void issuesWithANumberAndAFrozenSnapshotWhoseHashIsInTheAuditEvent() {
		String id = createDraft(api, token, customerId);

		var issued = api.post("/api/v1/invoices/" + id + "/issue", null, token);

		assertThat(issued.status()).isEqualTo(200);
		JsonNode invoice = issued.json();
		int year = java.time.LocalDate.now(java.time.ZoneOffset.UTC).getYear();
		assertThat(invoice.get("number").asString()).isEqualTo(year + "-000001");
		assertThat(invoice.get("status").asString()).isEqualTo("ISSUED");
		assertThat(invoice.get("snapshotIntact").asBoolean()).isTrue();
		String sha = invoice.get("snapshotSha256").asString();
		assertThat(sha).isEqualTo(Digests.sha256Hex(canonical(invoice.get("snapshot"))));
		assertThat(invoice.get("snapshot").get("seller").get("name").asString()).isEqualTo("Seller Original GmbH");
		assertThat(invoice.get("snapshot").get("buyer").get("name").asString()).isEqualTo("Buyer Original AG");

		JsonNode events = api.get("/api/v1/audit?entityType=invoice&entityId=" + id + "&action=update", token)
			.json()
			.get("items");
		assertThat(events).anySatisfy(event -> {
			assertThat(event.get("changes").get("snapshotSha256").get("after").asString()).isEqualTo(sha);
			assertThat(event.get("changes").get("status").get("after").asString()).isEqualTo("ISSUED");
		});
	}

	@Test
	void keepsIssuedInvoicesFrozenWhenCustomerAndCompanyChange() throws Exception {
		String id = createDraft(api, token, customerId);
		String sha = api.post("/api/v1/invoices/" + id + "/issue", null, token).text("snapshotSha256");

		assertThat(api
			.patch("/api/v1/customers/" + customerId, Map.of("version", 0, "name", "Buyer Renamed Ltd",
					"billingAddress", Map.of("line1", "99 Moved Avenue", "city", "Hamburg")), token)
			.status()).isEqualTo(200);
		var changedCompany = company("Seller Renamed SE");
		changedCompany.put("address", Map.of("line1", "2 New Seller Place", "city", "Cologne", "country", "DE"));
		assertThat(api.send("PUT", "/api/v1/admin/company", changedCompany, token).status()).isEqualTo(200);

		JsonNode invoice = api.get("/api/v1/invoices/" + id, token).json();
		assertThat(invoice.get("buyer").get("name").asString()).isEqualTo("Buyer Original AG");
		assertThat(invoice.get("buyer").get("address").get("line1").asString()).isEqualTo("7 Buyer Road");
		assertThat(invoice.get("seller").get("name").asString()).isEqualTo("Seller Original GmbH");
		assertThat(invoice.get("snapshotSha256").asString()).isEqualTo(sha);
		assertThat(invoice.get("snapshotIntact").asBoolean()).isTrue();

		String page = api.page("/invoices/" + id, token).body();
		assertThat(page).contains("Buyer Original AG", "7 Buyer Road", "Seller Original GmbH", "Snapshot intact")
			.doesNotContain("Buyer Renamed Ltd", "99 Moved Avenue", "Seller Renamed SE");

		var pdf = api.get("/api/v1/invoices/" + id + "/pdf", token);
		assertThat(pdf.status()).isEqualTo(200);
		String text = pdfText(port, "/api/v1/invoices/" + id + "/pdf", token);
		assertThat(text)
			.contains("Buyer Original AG", "7 Buyer Road", "Seller Original GmbH", invoice.get("number").asString())
			.doesNotContain("Buyer Renamed", "Moved Avenue", "Seller Renamed");
		// a new draft for the same customer shows the current names
		var fresh = api.get("/api/v1/invoices/" + createDraft(api, token, customerId), token).json();
		assertThat(fresh.get("buyer").get("name").asString()).isEqualTo("Buyer Renamed Ltd");
		assertThat(fresh.get("seller").get("name").asString()).isEqualTo("Seller Renamed SE");
	}

	@Test
	void detectsASnapshotChangedBehindPraxsBackOnRead() throws Exception {
		String id = createDraft(api, token, customerId);
		api.post("/api/v1/invoices/" + id + "/issue", null, token);

		try (var c = io.prax.tenancy.DatabaseSuperuser.connect(context);
				var update = c.prepareStatement("update invoice set snapshot = jsonb_set(snapshot, '{grossTotal}', "
						+ "'\"1.00\"') where id = ?::uuid")) {
			update.setString(1, id);
			assertThat(update.executeUpdate()).isEqualTo(1);
		}

		JsonNode invoice = api.get("/api/v1/invoices/" + id, token).json();
		assertThat(invoice.get("snapshotIntact").asBoolean()).isFalse();
		assertThat(api.page("/invoices/" + id, token).body()).contains("Snapshot altered")
			.doesNotContain("Snapshot intact");
	}

	@Test
	void locksIssuedPaidAndVoidInvoicesAgainstEditsAndDeletes() {
		String issued = createDraft(api, token, customerId);
		api.post("/api/v1/invoices/" + issued + "/issue", null, token);
		String voided = createDraft(api, token, customerId);
		api.post("/api/v1/invoices/" + voided + "/issue", null, token);
		assertThat(api.post("/api/v1/invoices/" + voided + "/void", Map.of("reason", "Wrong customer"), token)
			.json()
			.get("status")
			.asString()).isEqualTo("VOID");
		String paid = createDraft(api, token, customerId);
		String gross = api.post("/api/v1/invoices/" + paid + "/issue", null, token).text("grossTotal");
		assertThat(api
			.post("/api/v1/invoices/" + paid + "/payments", Map.of("amount", gross, "paidOn", "2026-01-01"), token)
			.json()
			.get("status")
			.asString()).isEqualTo("PAID");

		for (String id : List.of(issued, voided, paid)) {
			var patch = api.patch("/api/v1/invoices/" + id, Map.of("version", 1, "notes", "changed"), token);
			assertThat(patch.status()).isEqualTo(423);
			assertThat(patch.code()).isEqualTo("record_locked");
			var delete = api.delete("/api/v1/invoices/" + id, Map.of("reason", "gone"), token);
			assertThat(delete.status()).isEqualTo(423);
			assertThat(delete.code()).isEqualTo("record_locked");
		}
		String draft = createDraft(api, token, customerId);
		assertThat(api.delete("/api/v1/invoices/" + draft, Map.of("reason", "Duplicate"), token).status())
			.isEqualTo(204);
		assertThat(api.get("/api/v1/invoices/" + draft, token).status()).isEqualTo(404);
	}

	@Test
	void recordsPartialAndFullPayments() {
		String id = createDraft(api, token, customerId);
		api.post("/api/v1/invoices/" + id + "/issue", null, token);

		var partial = api.post("/api/v1/invoices/" + id + "/payments",
				Map.of("amount", "1000.00", "paidOn", "2026-01-02"), token);
		assertThat(partial.json().get("status").asString()).isEqualTo("ISSUED");
		assertThat(partial.json().get("balanceDue").asString()).isEqualTo("638.49");
		var tooMuch = api.post("/api/v1/invoices/" + id + "/payments",
				Map.of("amount", "638.50", "paidOn", "2026-01-03"), token);
		assertThat(tooMuch.status()).isEqualTo(400);
		var rest = api.post("/api/v1/invoices/" + id + "/payments", Map.of("amount", "638.49", "paidOn", "2026-01-03"),
				token);
		assertThat(rest.json().get("status").asString()).isEqualTo("PAID");
		assertThat(rest.json().get("payments")).hasSize(2);
		assertThat(
				api.post("/api/v1/invoices/" + id + "/payments", Map.of("amount", "1", "paidOn", "2026-01-03"), token)
					.code())
			.isEqualTo("invalid_state");
	}

	@Test
	void creditNotesReverseTheWholeInvoiceOrOneLine() {
		String whole = createDraft(api, token, customerId);
		JsonNode original = api.post("/api/v1/invoices/" + whole + "/issue", null, token).json();

		var note = api.post("/api/v1/invoices/" + whole + "/credit-notes", Map.of("reason", "Cancelled order"), token);

		assertThat(note.status()).isEqualTo(201);
		JsonNode credit = note.json();
		assertThat(credit.get("creditNoteFor").asString()).isEqualTo(whole);
		assertThat(credit.get("kind").asString()).isEqualTo("credit_note");
		assertThat(credit.get("number").asString()).isNotEqualTo(original.get("number").asString()).isNotBlank();
		assertThat(credit.get("grossTotal").asString()).isEqualTo("-1638.49");
		assertThat(credit.get("taxTotal").asString()).isEqualTo("-252.99");
		assertThat(credit.get("lines")).hasSize(3);
		assertThat(credit.get("snapshotIntact").asBoolean()).isTrue();
		assertThat(api.get("/api/v1/invoices/" + whole, token).json().get("balanceDue").asString()).isEqualTo("0.00");
		assertThat(api.post("/api/v1/invoices/" + whole + "/credit-notes", Map.of("reason", "Again"), token).status())
			.isEqualTo(409);

		String partial = createDraft(api, token, customerId);
		api.post("/api/v1/invoices/" + partial + "/issue", null, token);
		JsonNode oneLine = api
			.post("/api/v1/invoices/" + partial + "/credit-notes",
					Map.of("reason", "Travel not billable", "lines", List.of(2)), token)
			.json();
		assertThat(oneLine.get("lines")).hasSize(1);
		assertThat(oneLine.get("lines").get(0).get("sourceLine").asInt()).isEqualTo(2);
		assertThat(oneLine.get("netTotal").asString()).isEqualTo("-85.50");
		assertThat(oneLine.get("grossTotal").asString()).isEqualTo("-91.49");
		JsonNode after = api.get("/api/v1/invoices/" + partial, token).json();
		assertThat(after.get("balanceDue").asString()).isEqualTo("1547.00");
		assertThat(after.get("creditNotes")).hasSize(1);
		assertThat(api
			.post("/api/v1/invoices/" + partial + "/credit-notes", Map.of("reason", "x", "lines", List.of(9)), token)
			.status()).isEqualTo(400);
	}

	@Test
	void givesConcurrentIssuesDistinctContiguousNumbers() throws Exception {
		List<String> drafts = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			drafts.add(api
				.post("/api/v1/invoices", draft(customerId, "EUR", List.of(line("Item " + i, "1", "1", "0"))), token)
				.text("id"));
		}
		ExecutorService pool = Executors.newFixedThreadPool(20);
		try {
			List<Future<Api.Response>> answers = new ArrayList<>();
			for (String id : drafts) {
				answers.add(pool.submit(() -> api.post("/api/v1/invoices/" + id + "/issue", null, token)));
			}
			Set<Integer> numbers = new TreeSet<>();
			for (Future<Api.Response> answer : answers) {
				Api.Response response = answer.get(60, TimeUnit.SECONDS);
				assertThat(response.status()).as(response.body()).isEqualTo(200);
				String number = response.text("number");
				numbers.add(Integer.parseInt(number.substring(number.lastIndexOf('-') + 1)));
			}
			assertThat(numbers).hasSize(20);
			assertThat(numbers)
				.containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1, 20).boxed().toList());
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void listsWithFiltersAndKeysetPages() {
		String first = createDraft(api, token, customerId);
		String second = createDraft(api, token, customerId);
		String overdue = api
			.post("/api/v1/invoices",
					Map.of("customerId", customerId, "currency", "EUR", "issueDate", "2020-01-01", "dueDate",
							"2020-01-15", "lines", List.of(line("Old", "1", "50", "0"))),
					token)
			.text("id");
		api.post("/api/v1/invoices/" + overdue + "/issue", null, token);

		var page = api.get("/api/v1/invoices?limit=2", token).json();
		assertThat(page.get("items")).hasSize(2);
		var next = api.get("/api/v1/invoices?limit=2&cursor=" + page.get("nextCursor").asString(), token).json();
		assertThat(next.get("items")).hasSize(1);
		assertThat(next.get("nextCursor").isNull()).isTrue();
		assertThat(next.get("items").get(0).get("id").asString()).isEqualTo(first);

		var late = api.get("/api/v1/invoices?overdue=true", token).json().get("items");
		assertThat(late).hasSize(1);
		assertThat(late.get(0).get("overdue").asBoolean()).isTrue();
		assertThat(api.get("/api/v1/invoices?status=DRAFT", token).json().get("items")).hasSize(2);
		assertThat(api.get("/api/v1/invoices?status=DRAFT&customerId=" + customerId, token)
			.json()
			.get("items")
			.get(0)
			.get("id")
			.asString()).isEqualTo(second);
		assertThat(api.get("/api/v1/invoices?limit=0", token).status()).isEqualTo(400);
		assertThat(api.get("/api/v1/invoices?limit=501", token).status()).isEqualTo(400);
		assertThat(api.get("/api/v1/invoices?status=LOST", token).status()).isEqualTo(400);
		assertThat(api.get("/api/v1/invoices/totals?overdue=true", token)
			.json()
			.get("items")
			.get(0)
			.get("overdueTotal")
			.asString()).isEqualTo("50.00");
	}

	@Test
	void refusesToIssueWithoutCompanyDetailsOrLines() {
		var empty = api.post("/api/v1/invoices", Map.of("customerId", customerId, "currency", "EUR"), token);
		assertThat(empty.status()).isEqualTo(201);
		assertThat(api.post("/api/v1/invoices/" + empty.text("id") + "/issue", null, token).status()).isEqualTo(400);
	}

	@Test
	void validatesCompanyDetails() {
		var bad = company("X");
		bad.put("defaultCurrency", "XYZ");
		bad.put("address", Map.of("country", "ZZ"));
		bad.put("paymentTermsDays", -1);
		var answer = api.send("PUT", "/api/v1/admin/company", bad, token);
		assertThat(answer.status()).isEqualTo(400);
		assertThat(answer.json().get("errors").propertyNames()).contains("defaultCurrency", "address.country",
				"paymentTermsDays");
		assertThat(api.get("/api/v1/admin/company", token).text("name")).isEqualTo("Seller Original GmbH");
	}

	@Test
	void showsPortalUsersOnlyTheirOwnIssuedInvoices() {
		String own = createDraft(api, token, customerId);
		api.post("/api/v1/invoices/" + own + "/issue", null, token);
		String ownDraft = createDraft(api, token, customerId);
		String otherCustomer = customer(api, token, "Someone Else", "Bonn");
		String other = createDraft(api, token, otherCustomer);
		api.post("/api/v1/invoices/" + other + "/issue", null, token);
		UserAccount portal = Tenants.newUser(identity, tenant, Tier.CUSTOMER, List.of(),
				java.util.UUID.fromString(customerId));
		String portalToken = api.login(tenant.slug(), portal.email(), Tenants.PASSWORD).access();

		var list = api.get("/api/v1/invoices", portalToken).json().get("items");
		assertThat(list).hasSize(1);
		assertThat(list.get(0).get("id").asString()).isEqualTo(own);
		assertThat(api.get("/api/v1/invoices/" + own, portalToken).status()).isEqualTo(200);
		assertThat(api.get("/api/v1/invoices/" + own + "/pdf", portalToken).status()).isEqualTo(200);
		for (String id : List.of(other, ownDraft, java.util.UUID.randomUUID().toString())) {
			assertThat(api.get("/api/v1/invoices/" + id, portalToken).status()).isEqualTo(404);
			assertThat(api.get("/api/v1/invoices/" + id + "/pdf", portalToken).status()).isEqualTo(404);
		}
		assertThat(api.get("/api/v1/invoices?customerId=" + otherCustomer, portalToken).json().get("items")).isEmpty();
		assertThat(api.page("/invoices/" + other, portalToken).status()).isEqualTo(404);
		assertThat(api
			.post("/api/v1/invoices/" + own + "/payments", Map.of("amount", "1", "paidOn", "2026-01-01"), portalToken)
			.status()).isEqualTo(403);
	}

	@Test
	void obeysTheInvoicesFeatureGateAndThePermissions() {
		String id = createDraft(api, token, customerId);
		UserAccount viewer = Tenants.newUser(identity, tenant, Tier.EMPLOYEE, List.of("VIEWER"), null);
		String viewerToken = api.login(tenant.slug(), viewer.email(), Tenants.PASSWORD).access();
		assertThat(api.get("/api/v1/invoices/" + id, viewerToken).status()).isEqualTo(200);
		assertThat(api.post("/api/v1/invoices/" + id + "/issue", null, viewerToken).code()).isEqualTo("forbidden");
		assertThat(api.get("/api/v1/invoices/export.csv", viewerToken).status()).isEqualTo(403);

		assertThat(api
			.send("PUT", "/api/v1/admin/feature-gates",
					Map.of("modules", Map.of("invoices", Map.of("actions", Map.of("issue", false)))), token)
			.status()).isEqualTo(200);
		assertThat(api.post("/api/v1/invoices/" + id + "/issue", null, token).code()).isEqualTo("feature_disabled");
		assertThat(api.get("/api/v1/invoices/" + id, token).status()).isEqualTo(200);

		assertThat(api
			.send("PUT", "/api/v1/admin/feature-gates", Map.of("modules", Map.of("invoices", Map.of("enabled", false))),
					token)
			.status()).isEqualTo(200);
		assertThat(api.get("/api/v1/invoices", token).code()).isEqualTo("feature_disabled");
		assertThat(api.page("/", token).body()).doesNotContain("href=\"/invoices\"");
	}

	@Test
	void exportsTheListAsCsvWithoutFormulaCells() {
		String evil = customer(api, token, "=HYPERLINK(\"http://x.example\")", "Bonn");
		String id = createDraft(api, token, evil);
		api.post("/api/v1/invoices/" + id + "/issue", null, token);

		var csv = api.get("/api/v1/invoices/export.csv", token);

		assertThat(csv.status()).isEqualTo(200);
		assertThat(csv.raw().headers().firstValue("Content-Type"))
			.hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
		String[] rows = csv.body().split("\r\n");
		assertThat(rows[0]).startsWith("number,kind,status");
		assertThat(rows[1]).contains(",\"'=HYPERLINK(\"\"http://x.example\"\")\",").contains(",1638.49,").endsWith(id);
	}

	static String canonical(JsonNode node) {
		try {
			return new JsonCanonicalizer(node.toString()).getEncodedString();
		}
		catch (java.io.IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static String pdfText(int port, String path, String token) throws Exception {
		var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + path))
			.header("Authorization", "Bearer " + token)
			.GET()
			.build();
		byte[] bytes = java.net.http.HttpClient.newHttpClient()
			.send(request, java.net.http.HttpResponse.BodyHandlers.ofByteArray())
			.body();
		try (var document = Loader.loadPDF(bytes)) {
			return new PDFTextStripper().getText(document);
		}
	}

}
