package io.prax.web;

import java.util.List;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import io.prax.identity.Onboarding;
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

/** What a person does in the browser, in headless Chromium with the real CSP enforced. */
@PraxIntegrationTest
@BrowserTest
class BrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	Onboarding onboarding;

	@Autowired
	io.prax.identity.UserLifecycle identity;

	TestTenant tenant;

	BrowserContext context;

	Page page;

	List<String> consoleProblems;

	@BeforeEach
	void signInPage(Browsing browsing) {
		tenant = Tenants.newTenant(onboarding);
		context = browsing.context();
		page = browsing.page();
		consoleProblems = browsing.consoleProblems();
	}

	@Test
	void signsInThroughTheLoginPageAndCreatesACustomer() {
		signIn();
		assertThat(page.getByRole(com.microsoft.playwright.options.AriaRole.HEADING,
				new Page.GetByRoleOptions().setName("Dashboard")))
			.isVisible();

		page.navigate("/customers");
		page.getByText("New customer").first().click();
		page.getByLabel("Name").first().fill("Wonka Industries");
		page.getByLabel("Email").first().fill("orders@wonka.example");
		page.getByLabel("City").fill("Zurich");
		page.getByLabel("Country", new Page.GetByLabelOptions().setExact(false)).fill("CH");
		page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
				new Page.GetByRoleOptions().setName("Create customer"))
			.click();

		assertThat(page.getByRole(com.microsoft.playwright.options.AriaRole.HEADING,
				new Page.GetByRoleOptions().setName("Wonka Industries")))
			.isVisible();
		assertThat(page.getByRole(com.microsoft.playwright.options.AriaRole.STATUS)).containsText("created");
		page.navigate("/customers");
		assertThat(page.getByRole(com.microsoft.playwright.options.AriaRole.LINK,
				new Page.GetByRoleOptions().setName("Wonka Industries")))
			.isVisible();
		assertThat(consoleProblems).isEmpty();
	}

	@Test
	void showsFieldErrorsFromTheServer() {
		signIn();
		page.navigate("/customers/new");
		page.getByLabel("Name").first().fill("   ");
		page.getByLabel("Email").first().fill("someone@localhost");
		page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
				new Page.GetByRoleOptions().setName("Create customer"))
			.click();

		assertThat(page.getByText("Enter the customer's name").first()).isVisible();
		assertThat(page.getByText("Enter a valid email address").first()).isVisible();
	}

	@Test
	void refusesAWrongPasswordAndSignsOut() {
		page.navigate("/customers");
		assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/login.*"));
		page.getByLabel("Workspace").fill(tenant.slug());
		page.getByLabel("Email").fill(tenant.adminEmail());
		page.getByLabel("Password").fill("wrong password entirely");
		page.locator("form button[type=submit]").first().click();
		assertThat(page.getByRole(com.microsoft.playwright.options.AriaRole.ALERT)).containsText("not correct");

		signIn();
		page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
				new Page.GetByRoleOptions().setName(java.util.regex.Pattern.compile(tenant.admin().name())))
			.click();
		page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
				new Page.GetByRoleOptions().setName("Sign out"))
			.click();
		assertThat(page.getByText("You have been signed out")).isVisible();
		page.navigate("/customers");
		assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/login.*"));
	}

	@Test
	void administratorSwitchesOffAModuleAndExplainsAPermission() {
		signIn();
		assertThat(page.locator("nav.sidebar-nav a[href='/customers']")).hasCount(1);

		page.navigate("/admin/feature-gates");
		page.getByLabel("Customers", new Page.GetByLabelOptions().setExact(true)).uncheck();
		page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
				new Page.GetByRoleOptions().setName("Save feature gates"))
			.click();

		assertThat(page.getByRole(com.microsoft.playwright.options.AriaRole.STATUS)).containsText("saved");
		assertThat(page.locator("nav.sidebar-nav a[href='/customers']")).hasCount(0);

		page.navigate("/admin/users");
		page.getByRole(com.microsoft.playwright.options.AriaRole.LINK,
				new Page.GetByRoleOptions().setName(tenant.admin().name()))
			.click();
		page.locator("a.perm[title='Explain customers:view']").click();
		assertThat(page.locator("#explain")).containsText("feature gate: module customers is switched off");
		assertThat(consoleProblems).isEmpty();
	}

	@Test
	void sortsTheCustomerListByAColumnHeader() {
		io.prax.support.Api api = new io.prax.support.Api(port);
		String token = api.login(tenant.slug(), tenant.adminEmail(), Tenants.PASSWORD).access();
		api.post("/api/v1/customers", java.util.Map.of("name", "Aardvark Ltd"), token);
		api.post("/api/v1/customers", java.util.Map.of("name", "Zebra plc"), token);
		signIn();

		page.navigate("/customers");
		assertThat(page.locator("#customer-rows tr").first()).containsText("Aardvark Ltd");
		page.locator("th a.sort-link", new Page.LocatorOptions().setHasText("Name")).click();

		assertThat(page.locator("#customer-rows tr").first()).containsText("Zebra plc");
		assertThat(page.locator("th[aria-sort=descending]")).containsText("Name");
		assertThat(consoleProblems).isEmpty();
	}

	@Test
	void requestsAPasswordResetWithoutRevealingWhetherTheAccountExists() {
		page.navigate("/login");
		page.getByText("Forgot your password?").click();
		page.getByLabel("Workspace").fill(tenant.slug());
		page.getByLabel("Email").fill("nobody@nowhere.example");
		page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
				new Page.GetByRoleOptions().setName("Send reset link"))
			.click();

		assertThat(page.getByRole(com.microsoft.playwright.options.AriaRole.STATUS))
			.containsText("If an account exists");
		assertThat(consoleProblems).isEmpty();
	}

	@Test
	void addsEditsAndRemovesAContact() {
		io.prax.support.Api api = new io.prax.support.Api(port);
		String token = api.login(tenant.slug(), tenant.adminEmail(), Tenants.PASSWORD).access();
		String id = api.post("/api/v1/customers", java.util.Map.of("name", "Contactful GmbH"), token).text("id");
		signIn();
		page.navigate("/customers/" + id);

		page.locator("#contact-name").fill("Ada Lovelace");
		page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
				new Page.GetByRoleOptions().setName("Add contact"))
			.click();
		assertThat(page.getByRole(com.microsoft.playwright.options.AriaRole.STATUS)).containsText("Contact added");

		page.locator("summary", new Page.LocatorOptions().setHasText("Edit")).first().click();
		page.getByLabel("Position").first().fill("Chief Analyst");
		page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
				new Page.GetByRoleOptions().setName("Save contact"))
			.click();
		assertThat(page.getByRole(com.microsoft.playwright.options.AriaRole.STATUS)).containsText("Contact saved");
		assertThat(page.locator("table")).containsText("Chief Analyst");

		page.onDialog(dialog -> dialog.accept());
		page.locator("summary", new Page.LocatorOptions().setHasText("Remove")).first().click();
		page.locator("input[name=reason]").last().fill("Left the company");
		page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
				new Page.GetByRoleOptions().setName("Remove contact"))
			.click();
		assertThat(page.getByRole(com.microsoft.playwright.options.AriaRole.STATUS)).containsText("Contact removed");
		assertThat(page.getByText("Ada Lovelace")).hasCount(0);
		assertThat(consoleProblems).isEmpty();
	}

	@Test
	void keepsNoServerSideSessionAndTheSameCsrfTokenWhilePagesLoad() {
		signIn();
		page.navigate("/customers/new");
		String before = csrfCookie();
		page.navigate("/");
		page.navigate("/customers");

		assertThat(csrfCookie()).isNotNull().isEqualTo(before);
		assertThat(context.cookies()).noneMatch(cookie -> cookie.name.equals("JSESSIONID"));
	}

	@Test
	void grantsAPermissionThroughTheUsersPermissionMatrix() {
		var viewer = Tenants.newUser(identity, tenant, io.prax.identity.Tier.EMPLOYEE, java.util.List.of("VIEWER"),
				null);
		signIn();
		page.navigate("/admin/users/" + viewer.id());

		page.getByLabel("Override for customers:create").selectOption("grant");
		page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
				new Page.GetByRoleOptions().setName("Save overrides"))
			.click();

		assertThat(page.getByRole(com.microsoft.playwright.options.AriaRole.STATUS)).containsText("Overrides saved");
		page.locator("a.perm[title='Explain customers:create']").click();
		assertThat(page.locator("#explain")).containsText("user override grants it");
		assertThat(consoleProblems).isEmpty();
	}

	private String csrfCookie() {
		return context.cookies()
			.stream()
			.filter(cookie -> cookie.name.equals("XSRF-TOKEN"))
			.map(cookie -> cookie.value)
			.findFirst()
			.orElse(null);
	}

	private void signIn() {
		page.navigate("/login");
		page.getByLabel("Workspace").fill(tenant.slug());
		page.getByLabel("Email").fill(tenant.adminEmail());
		page.getByLabel("Password").fill(Tenants.PASSWORD);
		page.locator("form button[type=submit]").first().click();
		page.waitForURL(url -> !url.contains("/login"));
	}

}
