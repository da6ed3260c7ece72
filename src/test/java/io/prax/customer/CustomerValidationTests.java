package io.prax.customer;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.prax.identity.Onboarding;
import io.prax.support.Api;
import io.prax.support.PraxIntegrationTest;
import io.prax.support.Tenants;
import io.prax.support.Tenants.TestTenant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bean Validation on customer and contact input: the same problem for the API, the same
 * messages on the forms.
 */
@PraxIntegrationTest
class CustomerValidationTests {

	@LocalServerPort
	int port;

	@Autowired
	Onboarding onboarding;

	Api api;

	TestTenant tenant;

	String token;

	@BeforeEach
	void signedInAdmin() {
		api = new Api(port);
		tenant = Tenants.newTenant(onboarding);
		token = api.login(tenant.slug(), tenant.adminEmail(), Tenants.PASSWORD).access();
	}

	@Test
	void answersEveryInvalidFieldWithItsMessageInTheProblem() {
		var invalid = api.post(
				"/api/v1/customers", Map.of("name", "x".repeat(201), "email", "someone@localhost", "phone",
						"1".repeat(51), "billingAddress", Map.of("postalCode", "9".repeat(21), "country", "XX")),
				token);

		assertThat(invalid.status()).isEqualTo(400);
		assertThat(invalid.raw().headers().firstValue("Content-Type"))
			.hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
		assertThat(invalid.code()).isEqualTo("validation_failed");
		assertThat(invalid.text("detail")).isEqualTo("The request has invalid fields");
		assertThat(invalid.text("type")).isEqualTo("https://prax.io/problems/validation-failed");
		var errors = invalid.json().get("errors");
		assertThat(errors.get("name").asString()).isEqualTo("Use at most 200 characters");
		assertThat(errors.get("email").asString()).isEqualTo("Enter a valid email address, like name@example.com");
		assertThat(errors.get("phone").asString()).isEqualTo("Use at most 50 characters");
		assertThat(errors.get("billingAddress.postalCode").asString()).isEqualTo("Use at most 20 characters");
		assertThat(errors.get("billingAddress.country").asString())
			.isEqualTo("Use the two-letter country code, e.g. DE or US");
		assertThat(api.get("/api/v1/customers", token).json().get("items")).isEmpty();
	}

	@Test
	void asksForTheVersionAndANonEmptyNameOnUpdateOnly() {
		String id = api.post("/api/v1/customers", Map.of("name", "Kept"), token).text("id");

		var invalid = api.patch("/api/v1/customers/" + id, Map.of("name", "  "), token);

		assertThat(invalid.code()).isEqualTo("validation_failed");
		assertThat(invalid.json().get("errors").get("name").asString()).isEqualTo("The name cannot be empty");
		assertThat(invalid.json().get("errors").get("version").asString())
			.isEqualTo("Send the version you edited, to detect conflicting changes");
		assertThat(api.patch("/api/v1/customers/" + id, Map.of("phone", "+49 30", "version", 0), token).status())
			.isEqualTo(200);
		assertThat(api.get("/api/v1/customers/" + id, token).text("name")).isEqualTo("Kept");
	}

	@Test
	void refusesADeletionWithoutOrWithAnOverlongReason() {
		String id = api.post("/api/v1/customers", Map.of("name", "Still here"), token).text("id");

		var blank = api.delete("/api/v1/customers/" + id, Map.of("reason", "  "), token);
		var overlong = api.delete("/api/v1/customers/" + id, Map.of("reason", "r".repeat(1001)), token);

		assertThat(blank.json().get("errors").get("reason").asString()).isEqualTo("Give a reason for the deletion");
		assertThat(overlong.json().get("errors").get("reason").asString()).isEqualTo("Use at most 1000 characters");
		assertThat(api.get("/api/v1/customers/" + id, token).status()).isEqualTo(200);
	}

	@Test
	void validatesContactsTheSameWay() {
		String id = api.post("/api/v1/customers", Map.of("name", "With contacts"), token).text("id");

		var invalid = api.post("/api/v1/customers/" + id + "/contacts",
				Map.of("name", " ", "email", "no-at-sign", "position", "p".repeat(101)), token);

		assertThat(invalid.code()).isEqualTo("validation_failed");
		assertThat(invalid.json().get("errors").get("name").asString()).isEqualTo("Enter the contact's name");
		assertThat(invalid.json().get("errors").has("email")).isTrue();
		assertThat(invalid.json().get("errors").get("position").asString()).isEqualTo("Use at most 100 characters");
		assertThat(api.get("/api/v1/customers/" + id + "/contacts", token).json().get("items")).isEmpty();
	}

	@Test
	void showsTheFieldErrorsOnTheFormAndWritesNothing() throws Exception {
		var form = postForm("/customers/new", "/customers",
				Map.of("name", " ", "email", "someone@localhost", "country", "Germany"));

		assertThat(form.statusCode()).isEqualTo(200);
		assertThat(form.body()).contains("Please correct the marked fields.")
			.contains("Enter the customer&#39;s name")
			.contains("Enter a valid email address, like name@example.com")
			.contains("Use the two-letter country code, e.g. DE or US")
			.contains("value=\"someone@localhost\"");
		assertThat(api.get("/api/v1/customers", token).json().get("items")).isEmpty();
	}

	@Test
	void sendsAFormForACustomerOfAnotherTenantToTheNotFoundPage() throws Exception {
		TestTenant other = Tenants.newTenant(onboarding);
		String otherToken = api.login(other.slug(), other.adminEmail(), Tenants.PASSWORD).access();
		String foreign = api.post("/api/v1/customers", Map.of("name", "Foreign"), otherToken).text("id");

		var form = postForm("/customers/new", "/customers/" + foreign, Map.of("name", "Taken over", "version", "0"));

		assertThat(form.statusCode()).isEqualTo(404);
	}

	/** Posts a form as the browser does: with the page's CSRF token and cookie. */
	private HttpResponse<String> postForm(String formPage, String action, Map<String, String> fields) throws Exception {
		HttpClient http = HttpClient.newHttpClient();
		HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + formPage))
			.header("Cookie", "prax_access=" + token)
			.GET()
			.build(), HttpResponse.BodyHandlers.ofString());
		Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page.body());
		assertThat(csrf.find()).isTrue();
		String cookies = page.headers()
			.allValues("Set-Cookie")
			.stream()
			.map(c -> c.split(";", 2)[0])
			.collect(Collectors.joining("; "));
		String body = fields.entrySet()
			.stream()
			.map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&")) + "&_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
		return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + action))
			.header("Cookie", "prax_access=" + token + (cookies.isEmpty() ? "" : "; " + cookies))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

}
