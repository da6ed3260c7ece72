package io.prax.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.prax.identity.Onboarding;
import io.prax.support.Api;
import io.prax.support.PraxIntegrationTest;
import io.prax.support.Tenants;
import io.prax.support.Tenants.TestTenant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every operation of {@code /v3/api-docs} has a summary and a tag, says how it is secured
 * (bearer, or explicitly public), and documents its problem answers with the problem
 * schema. New controllers pass by adding {@code @Tag} and {@code @Operation(summary)};
 * the rest comes from their guards.
 */
@PraxIntegrationTest
class OpenApiCompletenessTests {

	private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");

	private static final String PROBLEM = "#/components/schemas/Problem";

	@LocalServerPort
	int port;

	@Autowired
	Onboarding onboarding;

	@Test
	void everyOperationIsDocumented() {
		JsonNode docs = new Api(port).get("/v3/api-docs", null).json();
		assertThat(docs.at("/components/securitySchemes/bearer/scheme").asString()).isEqualTo("bearer");
		assertThat(docs.at("/components/schemas/Problem/properties").propertyNames()).contains("code", "status",
				"detail", "type", "title", "errors");

		List<String> failures = new ArrayList<>();
		int operations = 0;
		for (String path : docs.get("paths").propertyNames()) {
			JsonNode item = docs.get("paths").get(path);
			for (String method : item.propertyNames()) {
				if (!METHODS.contains(method)) {
					continue;
				}
				operations++;
				String name = method.toUpperCase() + " " + path;
				JsonNode operation = item.get(method);
				if (operation.path("summary").asString("").isBlank()) {
					failures.add(name + ": no summary (@Operation(summary = ...))");
				}
				if (operation.path("tags").isEmpty()) {
					failures.add(name + ": no tag (@Tag on the controller)");
				}
				JsonNode security = operation.get("security");
				boolean isPublic = security != null && security.isArray() && security.isEmpty();
				if (security == null) {
					failures.add(name + ": declares no security (neither bearer nor security: [])");
				}
				else if (!isPublic && !security.toString().contains("\"bearer\"")) {
					failures.add(name + ": security is neither bearer nor explicitly public");
				}
				if (isPublic && !(path.startsWith("/api/v1/auth/") || path.equals("/api/v1/signup"))) {
					failures.add(name + ": public in the document but not in the security chain");
				}
				JsonNode responses = operation.path("responses");
				List<String> expected = new ArrayList<>(List.of("429"));
				if (!isPublic) {
					expected.add("401");
				}
				if (path.contains("{")) {
					expected.add("404");
				}
				if (method.equals("patch")) {
					expected.add("409");
				}
				for (String status : expected) {
					if (!responses.has(status)) {
						failures.add(name + ": does not document " + status);
					}
				}
				for (String status : responses.propertyNames()) {
					if (status.startsWith("4") && !PROBLEM.equals(
							responses.get(status).at("/content/application~1problem+json/schema/$ref").asString(""))) {
						failures.add(name + ": " + status + " is not an application/problem+json Problem");
					}
				}
			}
		}
		assertThat(operations).isGreaterThan(50);
		assertThat(failures).isEmpty();
	}

	@Test
	void permissionGuardedOperationsDocumentForbidden() {
		JsonNode docs = new Api(port).get("/v3/api-docs", null).json();
		assertThat(docs.at("/paths/~1api~1v1~1customers/get/responses/403/description").asString())
			.contains("customers:view");
		assertThat(docs.at("/paths/~1api~1v1~1me/get/responses").has("403")).isFalse();
		assertThat(docs.at("/paths/~1api~1v1~1customers~1{id}/delete/responses").has("409")).isTrue();
		assertThat(docs.at("/components/schemas/LoginRequest/properties/email/example").asString())
			.isEqualTo("ada@acme.example");
	}

	@Test
	void theReferencePageIsForSignedInUsersUnderTheNonceCsp() {
		Api api = new Api(port);
		var anonymous = api.get("/api-reference", null);
		assertThat(anonymous.status()).isEqualTo(302);
		assertThat(anonymous.raw().headers().firstValue("Location"))
			.hasValueSatisfying(location -> assertThat(location).contains("/login"));

		TestTenant tenant = Tenants.newTenant(onboarding);
		String access = api.login(tenant.slug(), tenant.adminEmail(), Tenants.PASSWORD).access();
		var page = api.page("/api-reference", access);
		assertThat(page.status()).isEqualTo(200);
		String csp = page.raw().headers().firstValue("Content-Security-Policy").orElseThrow();
		assertThat(csp).doesNotContain("unsafe-inline").doesNotContain("unsafe-eval");
		String nonce = csp.replaceAll(".*'nonce-([^']+)'.*", "$1");
		assertThat(page.body())
			.containsPattern("swagger-ui-bundle.js\"[^>]* nonce=\"" + java.util.regex.Pattern.quote(nonce) + "\"")
			.containsPattern("/js/api-reference.js\"[^>]* nonce=\"" + java.util.regex.Pattern.quote(nonce) + "\"")
			.doesNotContain("<script>");
		assertThat(api.get("/webjars/swagger-ui/swagger-ui-bundle.js", null).status()).isEqualTo(200);
		assertThat(api.get("/js/api-reference.js", null).status()).isEqualTo(200);
	}

}
