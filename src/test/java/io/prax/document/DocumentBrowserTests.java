package io.prax.document;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import io.prax.identity.Onboarding;
import io.prax.support.Api;
import io.prax.support.BrowserTest;
import io.prax.support.Browsing;
import io.prax.support.PraxIntegrationTest;
import io.prax.support.Tenants;
import io.prax.support.Tenants.TestTenant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A person attaches a file on the customer page, sees it listed, downloads and removes
 * it, under the real CSP.
 */
@PraxIntegrationTest
@BrowserTest
class DocumentBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	Onboarding onboarding;

	TestTenant tenant;

	Page page;

	List<String> consoleProblems;

	@BeforeEach
	void signedIn(Browsing browsing) {
		tenant = Tenants.newTenant(onboarding);
		page = browsing.page();
		consoleProblems = browsing.consoleProblems();
		page.navigate("/login");
		page.getByLabel("Workspace").fill(tenant.slug());
		page.getByLabel("Email").fill(tenant.adminEmail());
		page.getByLabel("Password").fill(Tenants.PASSWORD);
		page.locator("form button[type=submit]").first().click();
		page.waitForURL(url -> !url.contains("/login"));
	}

	@Test
	void uploadsAFileOnTheCustomerPageAndSeesItListed() {
		Api api = new Api(port);
		String token = api.login(tenant.slug(), tenant.adminEmail(), Tenants.PASSWORD).access();
		String id = api.post("/api/v1/customers", Map.of("name", "Filed GmbH"), token).text("id");
		byte[] content = "Delivery terms: DAP Berlin.\n".getBytes(StandardCharsets.UTF_8);

		page.navigate("/customers/" + id);
		assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Documents"))).isVisible();
		assertThat(page.getByText("No documents yet")).isVisible();
		page.getByLabel("File").setInputFiles(new FilePayload("Delivery terms.txt", "image/png", content));
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Upload")).click();

		assertThat(page.getByRole(AriaRole.STATUS)).containsText("uploaded");
		assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Delivery terms.txt")))
			.isVisible();
		assertThat(page.locator("#documents")).containsText("Text");

		Download download = page.waitForDownload(
				() -> page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Delivery terms.txt")).click());
		assertThat(download.suggestedFilename()).isEqualTo("Delivery terms.txt");
		assertThat(download.failure()).isNull();

		page.onDialog(dialog -> dialog.accept());
		page.locator("#documents summary", new Page.LocatorOptions().setHasText("Remove")).click();
		page.locator("#documents input[name=reason]").fill("Superseded by the framework contract");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Remove document")).click();
		assertThat(page.getByRole(AriaRole.STATUS)).containsText("removed");
		assertThat(page.getByText("No documents yet")).isVisible();
		assertThat(consoleProblems).isEmpty();
	}

}
