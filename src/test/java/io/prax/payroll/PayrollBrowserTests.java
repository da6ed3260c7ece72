package io.prax.payroll;

import java.nio.file.Files;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.BrowserContext;
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
import static io.prax.support.Browsing.signIn;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Payroll in headless Chromium with the real CSP: run a month, finalize, the employee
 * opens their PDF.
 */
@PraxIntegrationTest
@BrowserTest
class PayrollBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	Onboarding onboarding;

	@Autowired
	UserLifecycle identity;

	Browsing browsing;

	List<String> consoleProblems;

	@BeforeEach
	void watchConsole(Browsing browsing) {
		this.browsing = browsing;
		consoleProblems = browsing.consoleProblems();
	}

	@Test
	void runsPayrollFinalizesAndTheEmployeeOpensTheirPayslip() throws Exception {
		TestTenant tenant = Tenants.newTenant(onboarding);
		Api api = new Api(port);
		String token = api.login(tenant.slug(), tenant.adminEmail(), Tenants.PASSWORD).access();
		UserAccount staff = Tenants.newUser(identity, tenant, Tier.EMPLOYEE, List.of(), null);
		var employee = api.post(
				"/api/v1/employees", Map
					.of("employeeCode", "B-1", "name", "Bea Browser", "hireDate", "2020-01-01", "bankAccount",
							"DE89370400440532013000", "userId", staff.id().value().toString(), "salary",
							Map.of("currency", "EUR", "components",
									List.of(Map.of("name", "Base salary", "kind", "EARNING", "amount", "2800.00"),
											Map.of("name", "Income tax", "kind", "DEDUCTION", "rate", "0.25")))),
				token);
		assertThat(employee.status()).isEqualTo(201);

		try (BrowserContext admin = browsing.newContext()) {
			Page page = browsing.newPage(admin);
			signIn(page, tenant, tenant.adminEmail());
			page.navigate("/payroll-runs");
			page.getByLabel("First day").fill("2026-04-01");
			page.getByLabel("Last day").fill("2026-04-30");
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create draft payslips")).click();
			assertThat(page.locator("h1.page-title")).containsText("Payroll 2026-04-01 – 2026-04-30");
			assertThat(page.getByText("Bea Browser")).isVisible();
			page.getByText("Finalize run").click();
			page.getByLabel("I have checked the totals").check();
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Finalize").setExact(true)).click();
			assertThat(page.locator(".page-subtitle")).containsText("FINALIZED");
		}

		try (BrowserContext own = browsing.newContext()) {
			Page page = browsing.newPage(own);
			signIn(page, tenant, staff.email());
			page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("My payslips")).click();
			assertThat(page.getByText("2100.00 EUR")).isVisible();
			Download download = page.waitForDownload(
					() -> page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Download")).click());
			try (var pdf = Loader.loadPDF(Files.readAllBytes(download.path()))) {
				String text = new PDFTextStripper().getText(pdf);
				assertThat(text).contains("Bea Browser", "2026-04-01 – 2026-04-30", "2800.00", "2100.00 EUR",
						"•••• 3000");
			}
		}
		assertThat(consoleProblems).isEmpty();
	}

	@Test
	void createsAnEmployeeWithTwoComponentsThroughTheForm() {
		TestTenant tenant = Tenants.newTenant(onboarding);
		Api api = new Api(port);
		String token = api.login(tenant.slug(), tenant.adminEmail(), Tenants.PASSWORD).access();
		api.post("/api/v1/admin/designations", Map.of("name", "Analyst", "permissions", List.of()), token);

		try (BrowserContext admin = browsing.newContext()) {
			Page page = browsing.newPage(admin);
			signIn(page, tenant, tenant.adminEmail());
			page.navigate("/employees");
			page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("New employee")).click();
			page.getByLabel("Employee code").fill("UI-1");
			page.locator("#name").fill("Uma Interface");
			page.getByLabel("Work email").fill("uma@staff.example");
			page.getByLabel("Department").fill("Research");
			page.getByLabel("Designation")
				.selectOption(new com.microsoft.playwright.options.SelectOption().setLabel("Analyst"));
			page.getByLabel("Hire date").fill("2024-03-01");
			page.getByLabel("Bank account (IBAN)").fill("DE89 3704 0044 0532 0130 00");
			page.getByLabel("Tax id").fill("98/765/43210");
			page.getByLabel("Component 1 name").fill("Income tax");
			page.getByLabel("Component 1 kind").selectOption("DEDUCTION");
			page.getByLabel("Component 1 computed as").selectOption("RATE");
			page.getByLabel("Component 1 amount or rate").fill("20");
			// htmx swaps the editor with a second row; what was typed stays
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add component")).click();
			page.getByLabel("Component 2 name").fill("Base salary");
			page.getByLabel("Component 2 amount or rate").fill("2500.00");
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Move component 2 up")).click();
			assertThat(page.getByLabel("Component 1 name")).hasValue("Base salary");
			assertThat(page.getByLabel("Component 2 name")).hasValue("Income tax");
			assertThat(page.getByLabel("Component 2 computed as")).hasValue("RATE");
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create employee")).click();

			assertThat(page.locator("h1.page-title")).hasText("Uma Interface");
			var rows = page.locator("#salary-heading >> xpath=ancestor::section//tbody/tr");
			assertThat(rows).hasCount(2);
			assertThat(rows.nth(0)).containsText("Base salary");
			assertThat(rows.nth(0)).containsText("2500.00");
			assertThat(rows.nth(1)).containsText("Income tax");
			assertThat(rows.nth(1)).containsText("0.2");
			assertThat(page.getByText("Analyst")).isVisible();
			assertThat(page.getByText("DE89370400440532013000")).isVisible();

			// the edit form opens with what was saved and saves a change
			page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Edit")).click();
			assertThat(page.getByLabel("Component 2 amount or rate")).hasValue("20");
			page.getByLabel("Department").fill("Research and development");
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save changes")).click();
			assertThat(page.getByText("Research and development")).isVisible();
		}
		assertThat(consoleProblems).isEmpty();
	}

}
