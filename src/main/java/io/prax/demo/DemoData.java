package io.prax.demo;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.prax.customer.Address;
import io.prax.customer.ContactInput;
import io.prax.customer.CustomerId;
import io.prax.customer.CustomerInput;
import io.prax.customer.CustomerContacts;
import io.prax.customer.CustomerManagement;
import io.prax.customer.CustomerView;
import io.prax.document.DocumentManagement;
import io.prax.document.RecordRef;
import io.prax.identity.CurrentUser;
import io.prax.identity.GeneratedPasswords;
import io.prax.identity.UserLifecycle;
import io.prax.identity.NewUser;
import io.prax.identity.Onboarding;
import io.prax.identity.Tier;
import io.prax.identity.UserAccount;
import io.prax.invoicing.CompanyInput;
import io.prax.invoicing.CompanyManagement;
import io.prax.invoicing.CreditNoteInput;
import io.prax.invoicing.InvoiceId;
import io.prax.invoicing.InvoiceInput;
import io.prax.invoicing.InvoiceManagement;
import io.prax.invoicing.LineInput;
import io.prax.invoicing.PaymentInput;
import io.prax.invoicing.PostalAddress;
import io.prax.platform.PraxProperties;
import io.prax.payroll.ComponentKind;
import io.prax.payroll.EmployeeInput;
import io.prax.payroll.EmployeeManagement;
import io.prax.payroll.PayrollRunId;
import io.prax.payroll.PayrollRunInput;
import io.prax.payroll.PayrollRunManagement;
import io.prax.payroll.PayrollRunView;
import io.prax.payroll.Salary;
import io.prax.payroll.SalaryComponent;
import io.prax.tenancy.TenantContext;
import io.prax.tenancy.TenantDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * With {@code --demo} (or {@code PRAX_DEMO=true}) fills the tenant "acme" once, through
 * the same services the UI uses, and prints the generated passwords of its users.
 */
@Component
class DemoData {

	static final String TENANT = "acme";

	private static final String WORKSPACE_NAME = "Acme Corporation";

	private static final Logger log = LoggerFactory.getLogger(DemoData.class);

	private final ApplicationArguments arguments;

	private final PraxProperties properties;

	private final TenantDirectory tenants;

	private final Onboarding onboarding;

	private final UserLifecycle identity;

	private final CustomerManagement customers;

	private final CustomerContacts contacts;

	private final DocumentManagement documents;

	private final CompanyManagement company;

	private final InvoiceManagement invoices;

	private final Clock clock;

	private final EmployeeManagement employees;

	private final PayrollRunManagement payrollRuns;

	private final GeneratedPasswords generatedPasswords;

	DemoData(ApplicationArguments arguments, PraxProperties properties, TenantDirectory tenants, Onboarding onboarding,
			UserLifecycle identity, CustomerManagement customers, CustomerContacts contacts,
			DocumentManagement documents, CompanyManagement company, InvoiceManagement invoices, Clock clock,
			EmployeeManagement employees, PayrollRunManagement payrollRuns, GeneratedPasswords generatedPasswords) {
		this.employees = employees;
		this.generatedPasswords = generatedPasswords;
		this.payrollRuns = payrollRuns;
		this.documents = documents;
		this.company = company;
		this.invoices = invoices;
		this.clock = clock;
		this.arguments = arguments;
		this.properties = properties;
		this.tenants = tenants;
		this.onboarding = onboarding;
		this.identity = identity;
		this.customers = customers;
		this.contacts = contacts;
	}

	@EventListener(ApplicationReadyEvent.class)
	@Order(50)
	void fill() {
		if (!arguments.containsOption("demo") && !properties.demo()) {
			return;
		}
		if (tenants.findBySlug(TENANT).isPresent()) {
			log.info("Demo tenant '{}' exists already; its passwords were printed when it was created.", TENANT);
			return;
		}
		Map<String, String> passwords = new LinkedHashMap<>();
		String adminPassword = password("admin@acme.example", "Ada Admin");
		var onboarded = onboarding.onboard(new Onboarding.NewTenant(TENANT, WORKSPACE_NAME, "US", "admin@acme.example",
				"Ada Admin", adminPassword));
		passwords.put("admin@acme.example (ADMIN)", adminPassword);
		UserAccount admin = onboarded.admin();
		TenantContext.run(onboarded.tenant().id(), () -> actAs(admin, onboarded.tenant().name(), () -> {
			List<CustomerView> created = new ArrayList<>();
			for (String[] c : SAMPLE_CUSTOMERS) {
				CustomerView customer = customers.create(new CustomerInput(c[0], c[1], c[2], c[3],
						new Address(c[4], null, c[5], c[6], null, c[7]), null, null));
				contacts.addContact(new CustomerId(customer.id()),
						new ContactInput(c[8], c[9], c[2], c[10], null, null));
				created.add(customer);
			}
			attachDocuments(created);
			List<UserAccount> staff = new ArrayList<>();
			for (String[] u : SAMPLE_EMPLOYEES) {
				String password = password(u[0], u[1]);
				staff.add(identity.createWithPassword(new NewUser(u[0], u[1], Tier.EMPLOYEE, List.of(u[2]), null),
						password));
				passwords.put(u[0] + " (EMPLOYEE, " + u[2] + ")", password);
			}
			payroll(staff);
			String portalPassword = password("portal@globex.example", "Gil Portal");
			identity.createWithPassword(
					new NewUser("portal@globex.example", "Gil Portal", Tier.CUSTOMER, List.of(), created.get(0).id()),
					portalPassword);
			passwords.put("portal@globex.example (CUSTOMER of " + created.get(0).name() + ")", portalPassword);
			invoicing(created);
		}));
		StringBuilder out = new StringBuilder("\n\n  Demo tenant '" + TENANT + "' is ready. Sign in at "
				+ properties.publicUrl() + "/login with workspace '" + TENANT + "':\n\n");
		passwords.forEach((user,
				password) -> out.append("    ").append(String.format("%-58s", user)).append(password).append('\n'));
		log.warn(out.toString());
	}

	/**
	 * Employees of a few departments linked to the demo users, two finalized monthly runs
	 * and a draft run.
	 */
	private void payroll(List<UserAccount> staff) {
		String[] departments = { "Management", "Finance", "Operations", "Sales" };
		String[] ibans = { "DE89370400440532013000", "GB82WEST12345698765432", "FR1420041010050500013M02606",
				"NL91ABNA0417164300" };
		for (int i = 0; i < staff.size(); i++) {
			UserAccount user = staff.get(i);
			BigDecimal base = new BigDecimal(4200 - i * 450);
			employees.create(new EmployeeInput(String.format("E-%03d", i + 1), user.name(), user.email(),
					departments[i], null, LocalDate.of(2021 + i % 3, 1 + i * 2, 1), null, null, ibans[i],
					"TX-" + (48210 + i * 1117), user.id().value(),
					new Salary("USD", List.of(new SalaryComponent("Base salary", ComponentKind.EARNING, base, null),
							new SalaryComponent("Performance bonus", ComponentKind.EARNING, null,
									new BigDecimal("0.05")),
							new SalaryComponent("Income tax", ComponentKind.DEDUCTION, null, new BigDecimal("0.22")),
							new SalaryComponent("Health insurance", ComponentKind.DEDUCTION, new BigDecimal("180.00"),
									null))),
					null, null));
		}
		LocalDate thisMonth = LocalDate.now(clock).withDayOfMonth(1);
		for (int back = 3; back >= 1; back--) {
			LocalDate start = thisMonth.minusMonths(back);
			PayrollRunView run = payrollRuns.create(new PayrollRunInput(start, start.plusMonths(1).minusDays(1)));
			if (back > 1) {
				payrollRuns.finalize(new PayrollRunId(run.id()));
			}
		}
	}

	/** A contract and notes on the portal user's account, a price list on another. */
	private void attachDocuments(List<CustomerView> created) {
		RecordRef globex = new RecordRef("customer", created.get(0).id());
		RecordRef initech = new RecordRef("customer", created.get(1).id());
		documents.upload(globex, "Master services agreement.pdf", new java.io.ByteArrayInputStream(
				DemoFiles.pdf("Master services agreement between Acme Corporation " + "and Globex Corporation")));
		documents.upload(globex, "Onboarding notes.txt",
				new java.io.ByteArrayInputStream(
						"Kick-off on Monday. Billing contact: Hank Scorpio. Invoices by e-mail, net 30.\n"
							.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
		documents.upload(initech, "Preisliste 2026.csv",
				new java.io.ByteArrayInputStream(
						"item,unit,price EUR\nConsulting day,day,1200.00\nSupport hour,hour,95.00\n"
							.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
	}

	/**
	 * Company details and invoices in every state: paid, issued, overdue, draft, and a
	 * credit note.
	 */
	private void invoicing(List<CustomerView> created) {
		company.replace(new CompanyInput("Acme Corporation",
				new PostalAddress("100 Acme Plaza", "Floor 12", "10001", "New York", "NY", "US"), "US-12-0000001",
				"billing@acme.example", "+1 555 0000", "USD", 30,
				"Acme Savings Bank\nAccount 000123456 · Routing 021000021\nSWIFT ACMEUS33", "ACME-", null, null));
		LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
		InvoiceId overdue = issue(created.get(2), "USD", today.minusDays(60), today.minusDays(30),
				List.of(line("Laboratory sensors", "12", "149.90", "0.2"),
						line("Calibration service", "1", "380.00", "0.2"), line("Shipping", "1", "45.00", "0")));
		invoices.recordPayment(overdue, new PaymentInput(new BigDecimal("1000.00"), today.minusDays(25)));
		InvoiceId paid = issue(created.get(0), "USD", today.minusDays(45), today.minusDays(15),
				List.of(line("Annual support contract", "1", "4800.00", "0.08"),
						line("On-site training day", "2", "950.00", "0.08")));
		invoices.recordPayment(paid,
				new PaymentInput(new BigDecimal(invoices.get(paid).grossTotal()), today.minusDays(20)));
		issue(created.get(1), "EUR", today.minusDays(5), today.plusDays(25), List
			.of(line("Beratung, 12 Stunden", "12", "135.00", "0.19"), line("Reisekosten", "1", "212.40", "0.07")));
		InvoiceId credited = issue(created.get(0), "USD", today.minusDays(3), today.plusDays(27), List
			.of(line("Custom integration", "1", "2500.00", "0.08"), line("Expedited delivery", "1", "150.00", "0.08")));
		invoices.creditNote(credited, new CreditNoteInput("Expedited delivery was not needed", List.of(2)));
		invoices.create(new InvoiceInput(created.get(3).id(), "USD", null, null,
				List.of(line("Arc reactor maintenance", "4", "1250.00", "0.0725"),
						line("Spare parts", "10", "89.99", "0.0725")),
				"Thank you for your business."));
	}

	private InvoiceId issue(CustomerView customer, String currency, LocalDate issued, LocalDate due,
			List<LineInput> lines) {
		InvoiceId id = new InvoiceId(
				invoices.create(new InvoiceInput(customer.id(), currency, issued, due, lines, null)).id());
		invoices.issue(id);
		return id;
	}

	private static LineInput line(String description, String quantity, String price, String rate) {
		return new LineInput(description, new BigDecimal(quantity), new BigDecimal(price), new BigDecimal(rate));
	}

	/**
	 * Demo writes carry the demo administrator as their author, as if typed in the UI.
	 */
	private static void actAs(UserAccount user, String tenantName, Runnable work) {
		CurrentUser current = new CurrentUser(user.id(), user.tenantId(), new UUID(0, 0), user.tier(), user.roles(),
				null, user.name(), user.email(), TENANT, tenantName);
		var context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(new UsernamePasswordAuthenticationToken(current, null, List.of()));
		SecurityContextHolder.setContext(context);
		try {
			work.run();
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}

	private String password(String email, String name) {
		return generatedPasswords.forUser(email, name, WORKSPACE_NAME, TENANT);
	}

	private static final String[][] SAMPLE_CUSTOMERS = {
			{ "Globex Corporation", "billing@globex.example", "+1 555 0100", "US-98-7654321", "1 Globex Way", "94105",
					"San Francisco", "US", "Hank Scorpio", "hank@globex.example", "CEO" },
			{ "Initech GmbH", "rechnung@initech.example", "+49 30 1234567", "DE123456789", "Friedrichstraße 10",
					"10117", "Berlin", "DE", "Bill Lumbergh", "bill@initech.example", "Head of Finance" },
			{ "Umbrella Pharma Ltd", "ap@umbrella.example", "+44 20 7946 0000", "GB123456789", "221 Baker Street",
					"NW1 6XE", "London", "GB", "Alice Abernathy", "alice@umbrella.example", "Procurement" },
			{ "Stark Industries", "finance@stark.example", "+1 555 0199", "US-12-3456789", "10880 Malibu Point",
					"90265", "Malibu", "US", "Pepper Potts", "pepper@stark.example", "COO" },
			{ "Wayne Enterprises", "accounts@wayne.example", "+1 555 0142", "US-55-1234567", "1007 Mountain Drive",
					"10001", "Gotham", "US", "Lucius Fox", "lucius@wayne.example", "CTO" },
			{ "Soylent Foods SA", "factures@soylent.example", "+33 1 23 45 67 89", "FR12345678901", "5 Rue de Rivoli",
					"75001", "Paris", "FR", "Sol Roth", "sol@soylent.example", "Buyer" },
			{ "Tyrell Robotics KK", "keiri@tyrell.example", "+81 3 1234 5678", "JP1234567890123", "1-1 Marunouchi",
					"100-0005", "Tokyo", "JP", "Rachael Tyrell", "rachael@tyrell.example", "Research Lead" },
			{ "Cyberdyne Systems", "ap@cyberdyne.example", "+1 555 0177", "US-77-7654321", "18144 El Camino Real",
					"94087", "Sunnyvale", "US", "Miles Dyson", "miles@cyberdyne.example", "Engineering Director" } };

	private static final String[][] SAMPLE_EMPLOYEES = { { "manager@acme.example", "Mona Manager", "MANAGER" },
			{ "reviewer@acme.example", "Rita Reviewer", "REVIEWER" },
			{ "operator@acme.example", "Otto Operator", "OPERATOR" },
			{ "viewer@acme.example", "Vera Viewer", "VIEWER" } };

}
