package io.prax.invoicing;

import java.nio.file.Files;
import java.util.List;
import java.util.UUID;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.prax.identity.UserLifecycle;
import io.prax.identity.Onboarding;
import io.prax.identity.Tier;
import io.prax.identity.UserAccount;
import io.prax.support.Api;
import io.prax.support.BrowserTest;
import io.prax.support.Browsing;
import io.prax.support.PraxIntegrationTest;
import io.prax.support.Tenants;
import io.prax.support.Tenants.TestTenant;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.prax.invoicing.InvoiceFixtures.company;
import static io.prax.invoicing.InvoiceFixtures.createDraft;
import static io.prax.invoicing.InvoiceFixtures.customer;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Invoicing in headless Chromium with the real CSP: draft, issue, PDF; a portal user
 * opens their invoice.
 */
@PraxIntegrationTest
@BrowserTest
class InvoiceBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	Onboarding onboarding;

	@Autowired
	UserLifecycle identity;

	TestTenant tenant;

	Api api;

	String token;

	String customerId;

	Page page;

	List<String> consoleProblems;

	@BeforeEach
	void tenantWithCompanyAndCustomer(Browsing browsing) {
		tenant = Tenants.newTenant(onboarding);
		api = new Api(port);
		token = api.login(tenant.slug(), tenant.adminEmail(), Tenants.PASSWORD).access();
		api.send("PUT", "/api/v1/admin/company", company("Browser Seller GmbH"), token);
		customerId = customer(api, token, "Browser Buyer AG", "Munich");
		page = browsing.page();
		consoleProblems = browsing.consoleProblems();
		page.onDialog(dialog -> dialog.accept());
	}

	@Test
	void createsADraftIssuesItAndDownloadsItsPdf() throws Exception {
		signIn(tenant.adminEmail());
		page.navigate("/invoices");
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("New invoice")).click();
		page.getByLabel("Customer").selectOption(customerId);
		page.getByLabel("Line 1 description").fill("Design workshop");
		page.getByLabel("Line 1 quantity").fill("2");
		page.getByLabel("Line 1 unit price").fill("450.00");
		page.getByLabel("Line 1 tax rate in percent").fill("19");
		// live totals come from the server through htmx
		assertThat(page.locator("[data-total=gross]")).hasText("1,071.00 EUR");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add line")).click();
		page.getByLabel("Line 2 description").fill("Travel");
		page.getByLabel("Line 2 unit price").fill("80");
		page.getByLabel("Line 2 tax rate in percent").fill("7");
		assertThat(page.locator("[data-total=gross]")).hasText("1,156.60 EUR");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save draft")).click();

		assertThat(page.getByRole(AriaRole.STATUS)).containsText("Draft saved");
		assertThat(page.getByText("Design workshop", new Page.GetByTextOptions().setExact(true))).isVisible();
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Issue invoice")).click();

		assertThat(page.getByRole(AriaRole.STATUS)).containsText("Invoice issued");
		assertThat(page.getByText("Snapshot intact")).isVisible();
		assertThat(page.getByText("this invoice is locked", new Page.GetByTextOptions().setExact(false))).isVisible();
		String number = java.time.LocalDate.now(java.time.ZoneOffset.UTC).getYear() + "-000001";
		assertThat(page.locator("h1.page-title")).containsText("Invoice " + number);

		Download download = page.waitForDownload(
				() -> page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Download PDF")).click());
		assertThat(download.suggestedFilename()).isEqualTo(number + ".pdf");
		byte[] bytes = Files.readAllBytes(download.path());
		try (var pdf = Loader.loadPDF(bytes)) {
			String text = new PDFTextStripper().getText(pdf);
			assertThat(text).contains("Browser Seller GmbH", "Browser Buyer AG", "Design workshop", number,
					"1,156.60 EUR", "Page 1 of 1");
		}
		assertThat(consoleProblems).isEmpty();
	}

	@Test
	void aPortalUserSignsInAndOpensTheirInvoice() {
		String id = createDraft(api, token, customerId);
		String number = api.post("/api/v1/invoices/" + id + "/issue", null, token).text("number");
		String other = createDraft(api, token, customer(api, token, "Not Theirs Ltd", "Bonn"));
		api.post("/api/v1/invoices/" + other + "/issue", null, token);
		UserAccount portal = Tenants.newUser(identity, tenant, Tier.CUSTOMER, List.of(), UUID.fromString(customerId));

		signIn(portal.email());

		assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Browser Buyer AG")))
			.isVisible();
		assertThat(page.locator(".sidebar-nav")).not().containsText("Customers");
		assertThat(page.locator(".sidebar-nav")).containsText("My invoices");
		assertThat(page.getByText("Not Theirs Ltd")).hasCount(0);
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(number)).first().click();

		assertThat(page.getByText("Snapshot intact")).isVisible();
		assertThat(page.getByText("1,638.49 EUR").first()).isVisible();
		assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Record payment"))).hasCount(0);
		assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Download PDF"))).isVisible();
		assertThat(consoleProblems).isEmpty();
		var response = page.navigate("/invoices/" + other);
		assertThat(response.status()).isEqualTo(404);
	}

	private void signIn(String email) {
		page.navigate("/login");
		page.getByLabel("Workspace").fill(tenant.slug());
		page.getByLabel("Email").fill(email);
		page.getByLabel("Password").fill(Tenants.PASSWORD);
		page.locator("form button[type=submit]").first().click();
		page.waitForURL(url -> !url.contains("/login"));
	}

}
