package io.prax.payroll;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.prax.identity.UserLifecycle;
import io.prax.identity.Onboarding;
import io.prax.identity.Tier;
import io.prax.identity.UserAccount;
import io.prax.support.Api;
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
 * The employee form (create, edit) and its salary structure editor: the same Bean
 * Validation as the API, errors on their fields and rows, nothing written on any error,
 * and no form for those who may not edit.
 */
@PraxIntegrationTest
class EmployeeFormTests {

	static final String IBAN = PayrollApiTests.IBAN;
	static final String BAD_IBAN = "DE89370400440532013001";

	@LocalServerPort
	int port;

	@Autowired
	Onboarding onboarding;

	@Autowired
	UserLifecycle identity;

	Api api;

	TestTenant tenant;

	String token;

	@BeforeEach
	void signedInAdmin() {
		api = new Api(port);
		tenant = Tenants.newTenant(onboarding);
		token = api.login(tenant.slug(), tenant.adminEmail(), Tenants.PASSWORD).access();
	}

	/**
	 * The fields of a valid form with two components: a fixed base salary and a 20% tax.
	 */
	static List<Map.Entry<String, String>> validForm(String code) {
		List<Map.Entry<String, String>> fields = new ArrayList<>(List.of(Map.entry("employeeCode", code),
				Map.entry("name", "Form " + code), Map.entry("email", code.toLowerCase() + "@staff.example"),
				Map.entry("department", "Finance"), Map.entry("designationId", ""), Map.entry("hireDate", "2021-02-01"),
				Map.entry("leavingDate", ""), Map.entry("status", "ACTIVE"), Map.entry("bankAccount", IBAN),
				Map.entry("taxId", "12/345/67890"), Map.entry("userId", ""), Map.entry("currency", "EUR")));
		fields.addAll(row("Base salary", "EARNING", "FIXED", "3000.00"));
		fields.addAll(row("Income tax", "DEDUCTION", "RATE", "20"));
		return fields;
	}

	static List<Map.Entry<String, String>> row(String name, String kind, String basis, String value) {
		return List.of(Map.entry("componentName", name), Map.entry("componentKind", kind),
				Map.entry("componentBasis", basis), Map.entry("componentValue", value));
	}

	static List<Map.Entry<String, String>> with(List<Map.Entry<String, String>> fields, String name, String value) {
		List<Map.Entry<String, String>> changed = new ArrayList<>();
		boolean replaced = false;
		for (Map.Entry<String, String> f : fields) {
			if (f.getKey().equals(name) && !replaced) {
				changed.add(Map.entry(name, value));
				replaced = true;
			}
			else {
				changed.add(f);
			}
		}
		if (!replaced) {
			changed.add(Map.entry(name, value));
		}
		return changed;
	}

	@Test
	void createsAnEmployeeWithItsSalaryStructureThroughTheForm() throws Exception {
		String designation = api
			.post("/api/v1/admin/designations", Map.of("name", "Accountant", "permissions", List.of()), token)
			.text("id");
		UserAccount staff = Tenants.newUser(identity, tenant, Tier.EMPLOYEE, List.of(), null);
		var fields = with(with(validForm("F-1"), "designationId", designation), "userId",
				staff.id().value().toString());

		var created = postForm("/employees/new", "/employees", fields, token, false);

		assertThat(created.statusCode()).as(created.body()).isEqualTo(302);
		String location = created.headers().firstValue("Location").orElseThrow();
		String id = location.substring(location.lastIndexOf('/') + 1);
		JsonNode employee = api.get("/api/v1/employees/" + id, token).json();
		assertThat(employee.get("employeeCode").asString()).isEqualTo("F-1");
		assertThat(employee.get("designationId").asString()).isEqualTo(designation);
		assertThat(employee.get("userId").asString()).isEqualTo(staff.id().value().toString());
		assertThat(employee.get("bankAccount").asString()).isEqualTo(IBAN);
		JsonNode components = employee.get("salary").get("components");
		assertThat(components).hasSize(2);
		assertThat(components.get(0).get("name").asString()).isEqualTo("Base salary");
		assertThat(components.get(0).get("amount").decimalValue()).isEqualByComparingTo("3000.00");
		assertThat(components.get(1).get("kind").asString()).isEqualTo("DEDUCTION");
		assertThat(components.get(1).get("rate").decimalValue()).isEqualByComparingTo("0.20");
		String page = api.page("/employees/" + id, token).body();
		assertThat(page).contains("Base salary", "Income tax", "Accountant", "/employees/" + id + "/edit");
	}

	@Test
	void showsEveryErrorOnItsFieldAndRowAndWritesNothing() throws Exception {
		var fields = new ArrayList<>(
				with(with(with(validForm("F-2"), "bankAccount", BAD_IBAN), "name", " "), "hireDate", "01.02.2021"));
		fields.addAll(row("Bonus", "EARNING", "RATE", "150"));
		fields.addAll(row("Pension", "DEDUCTION", "FIXED", ""));
		fields.addAll(row("", "EARNING", "FIXED", "12,x"));

		var form = postForm("/employees/new", "/employees", fields, token, false);

		assertThat(form.statusCode()).isEqualTo(200);
		String body = form.body();
		assertThat(body).contains("Please correct the marked fields.");
		assertThat(errorOf(body, "bankAccount")).isEqualTo("Enter a valid IBAN; its check digits do not match");
		assertThat(errorOf(body, "name")).isEqualTo("Enter the employee&#39;s name");
		assertThat(errorOf(body, "hireDate")).isEqualTo("Enter a date as YYYY-MM-DD");
		// rows 0 and 1 are valid; row 2 has a rate over 100%, row 3 no amount, row 4 no
		// name and no number
		assertThat(fieldError(body, "component-value-2"))
			.isEqualTo("Use a rate from 0 to 100 percent with at most four decimals");
		assertThat(fieldError(body, "component-value-3")).isEqualTo("Give either a fixed amount or a rate");
		assertThat(fieldError(body, "component-name-4")).isEqualTo("Name the component");
		assertThat(fieldError(body, "component-value-4")).isEqualTo("Enter a number, like 3000.00 or 5");
		assertThat(fieldError(body, "component-value-0")).isNull();
		assertThat(body).contains("value=\"" + BAD_IBAN + "\"", "value=\"Pension\"");
		assertThat(api.get("/api/v1/employees", token).json().get("items")).isEmpty();

		// The API answers the same messages for the same input.
		var refused = api.post("/api/v1/employees",
				Map.of("employeeCode", "F-2", "name", " ", "hireDate", "2021-02-01", "bankAccount", BAD_IBAN, "salary",
						Map.of("currency", "EUR", "components",
								List.of(Map.of("name", "Bonus", "kind", "EARNING", "rate", "1.5"),
										Map.of("name", "Pension", "kind", "DEDUCTION")))),
				token);
		assertThat(refused.status()).isEqualTo(400);
		JsonNode errors = refused.json().get("errors");
		assertThat(errors.get("bankAccount").asString()).isEqualTo("Enter a valid IBAN; its check digits do not match");
		assertThat(errors.get("name").asString()).isEqualTo("Enter the employee's name");
		assertThat(errors.get("salary.components[0].rate").asString()).isEqualTo("Use a rate from 0 to 1, e.g. 0.05");
		assertThat(errors.get("salary.components[1].amount").asString())
			.isEqualTo("Give either a fixed amount or a rate");
		assertThat(api.get("/api/v1/employees", token).json().get("items")).isEmpty();
	}

	@Test
	void addsMovesAndRemovesRowsOnTheServerWithoutSaving() throws Exception {
		var added = postForm("/employees/new", "/employees", with(validForm("F-3"), "action", "add-row"), token, true);
		assertThat(added.statusCode()).isEqualTo(200);
		// htmx gets the editor alone, with a third, empty row
		assertThat(added.body()).doesNotContain("<html")
			.contains("id=\"salary-editor\"", "component-name-2")
			.doesNotContain("component-name-3");

		var moved = postForm("/employees/new", "/employees", with(validForm("F-3"), "action", "up-1"), token, true);
		assertThat(moved.body().indexOf("value=\"Income tax\""))
			.isLessThan(moved.body().indexOf("value=\"Base salary\""));

		var removed = postForm("/employees/new", "/employees", with(validForm("F-3"), "action", "remove-0"), token,
				true);
		assertThat(removed.body()).contains("value=\"Income tax\"").doesNotContain("value=\"Base salary\"");

		// without script the whole form comes back
		var whole = postForm("/employees/new", "/employees", with(validForm("F-3"), "action", "down-0"), token, false);
		assertThat(whole.body()).contains("<html", "Create employee");
		assertThat(api.get("/api/v1/employees", token).json().get("items")).isEmpty();
	}

	@Test
	void editsAnEmployeeAndLeavesItUnchangedOnAnyError() throws Exception {
		String id = created("F-4");
		String editPage = api.page("/employees/" + id + "/edit", token).body();
		assertThat(editPage).contains("value=\"F-4\"", "value=\"" + IBAN + "\"", "value=\"20\"");

		var bad = postForm("/employees/" + id + "/edit", "/employees/" + id,
				with(with(with(validForm("F-4"), "version", "0"), "name", "Renamed"), "bankAccount", BAD_IBAN), token,
				false);
		assertThat(bad.statusCode()).isEqualTo(200);
		assertThat(errorOf(bad.body(), "bankAccount")).isEqualTo("Enter a valid IBAN; its check digits do not match");
		JsonNode unchanged = api.get("/api/v1/employees/" + id, token).json();
		assertThat(unchanged.get("name").asString()).isEqualTo("Form F-4");
		assertThat(unchanged.get("version").asLong()).isZero();

		var fields = new ArrayList<>(with(with(validForm("F-4"), "version", "0"), "name", "Renamed"));
		fields.addAll(row("Pension", "DEDUCTION", "FIXED", "150"));
		var saved = postForm("/employees/" + id + "/edit", "/employees/" + id, fields, token, false);
		assertThat(saved.statusCode()).as(saved.body()).isEqualTo(302);
		JsonNode changed = api.get("/api/v1/employees/" + id, token).json();
		assertThat(changed.get("name").asString()).isEqualTo("Renamed");
		assertThat(changed.get("salary").get("components")).hasSize(3);

		var stale = postForm("/employees/" + id + "/edit", "/employees/" + id,
				with(with(validForm("F-4"), "version", "0"), "name", "Stale"), token, false);
		assertThat(stale.statusCode()).isEqualTo(200);
		assertThat(api.get("/api/v1/employees/" + id, token).text("name")).isEqualTo("Renamed");
	}

	@Test
	void whoMayNotEditSeesNoFormAndNoFullBankAccount() throws Exception {
		String id = created("F-5");
		UserAccount viewer = Tenants.newUser(identity, tenant, Tier.EMPLOYEE, List.of("VIEWER"), null);
		String viewerToken = api.login(tenant.slug(), viewer.email(), Tenants.PASSWORD).access();

		assertThat(api.page("/employees", token).body()).contains("href=\"/employees/new\"");
		String list = api.page("/employees", viewerToken).body();
		String detail = api.page("/employees/" + id, viewerToken).body();
		assertThat(list).doesNotContain("/employees/new");
		assertThat(detail).doesNotContain("/employees/" + id + "/edit")
			.contains("•••• 3000")
			.doesNotContain(IBAN, "12/345/67890");
		assertThat(api.page("/employees/new", viewerToken).status()).isEqualTo(403);
		var edit = api.page("/employees/" + id + "/edit", viewerToken);
		assertThat(edit.status()).isEqualTo(403);
		assertThat(edit.body()).doesNotContain(IBAN, "12/345/67890");
		var post = postForm("/employees/" + id, "/employees/" + id,
				with(with(validForm("F-5"), "version", "0"), "name", "Taken over"), viewerToken, false);
		assertThat(post.statusCode()).isEqualTo(403);
		assertThat(post.body()).doesNotContain(IBAN);
		assertThat(api.get("/api/v1/employees/" + id, token).text("name")).isEqualTo("Form F-5");
	}

	@Test
	void anotherTenantsEmployeeFormIsNotFound() throws Exception {
		String id = created("F-6");
		TestTenant other = Tenants.newTenant(onboarding);
		String otherToken = api.login(other.slug(), other.adminEmail(), Tenants.PASSWORD).access();
		assertThat(api.page("/employees/" + id + "/edit", otherToken).status()).isEqualTo(404);
		var post = postForm("/employees/new", "/employees/" + id, with(validForm("F-6"), "version", "0"), otherToken,
				false);
		assertThat(post.statusCode()).isEqualTo(404);
		var rows = postForm("/employees/new", "/employees/" + id, with(validForm("F-6"), "action", "add-row"),
				otherToken, true);
		assertThat(rows.statusCode()).isEqualTo(404);
	}

	private String created(String code) throws Exception {
		var created = postForm("/employees/new", "/employees", validForm(code), token, false);
		assertThat(created.statusCode()).as(created.body()).isEqualTo(302);
		String location = created.headers().firstValue("Location").orElseThrow();
		return location.substring(location.lastIndexOf('/') + 1);
	}

	/** The message the field fragment shows under input {@code id}, or null. */
	static String errorOf(String body, String id) {
		Matcher m = Pattern
			.compile("id=\"" + Pattern.quote(id) + "-error\">\\s*<svg.*?</svg><span>([^<]*)</span>", Pattern.DOTALL)
			.matcher(body);
		return m.find() ? m.group(1) : null;
	}

	/**
	 * The message shown right after the row input {@code id} (the editor's own markup),
	 * or null.
	 */
	static String fieldError(String body, String id) {
		int at = body.indexOf("id=\"" + id + "\"");
		assertThat(at).as("input " + id).isPositive();
		String rest = body.substring(at);
		int fieldEnd = rest.indexOf("</div>");
		Matcher m = Pattern.compile("class=\"field-error\"><span>([^<]*)</span>").matcher(rest.substring(0, fieldEnd));
		return m.find() ? m.group(1) : null;
	}

	/**
	 * Posts a form as the browser does: with the page's CSRF token and cookie;
	 * {@code htmx} as htmx would.
	 */
	private HttpResponse<String> postForm(String formPage, String action, List<Map.Entry<String, String>> fields,
			String bearer, boolean htmx) throws Exception {
		HttpClient http = HttpClient.newHttpClient();
		// A page the user may open, for the CSRF token: the form page itself, else the
		// list.
		HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + formPage))
			.header("Cookie", "prax_access=" + bearer)
			.GET()
			.build(), HttpResponse.BodyHandlers.ofString());
		if (page.statusCode() != 200) {
			page = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/"))
				.header("Cookie", "prax_access=" + bearer)
				.GET()
				.build(), HttpResponse.BodyHandlers.ofString());
		}
		Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"|name=\"csrf-token\" content=\"([^\"]+)\"")
			.matcher(page.body());
		assertThat(csrf.find()).as(page.body()).isTrue();
		String token = csrf.group(1) != null ? csrf.group(1) : csrf.group(2);
		String cookies = page.headers()
			.allValues("Set-Cookie")
			.stream()
			.map(c -> c.split(";", 2)[0])
			.collect(Collectors.joining("; "));
		String body = fields.stream()
			.map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&")) + "&_csrf=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + action))
			.header("Cookie", "prax_access=" + bearer + (cookies.isEmpty() ? "" : "; " + cookies))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body));
		if (htmx) {
			request.header("HX-Request", "true");
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
