package io.prax.access;

import org.jspecify.annotations.Nullable;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.prax.platform.PublicEndpoint;
import io.prax.platform.SignedInOnly;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;

/**
 * The OpenAPI document's security and problem answers, derived from each handler's guard:
 * a controller only adds {@code @Tag} and {@code @Operation(summary)}.
 * {@link PublicEndpoint} → {@code security: []}; otherwise the bearer scheme and 401,
 * plus 403 for {@link RequiresPermission} (and staff-only); a path variable → 404; PATCH
 * or a body with a {@code version} → 409; a body or parameters → 400; every {@code /api}
 * route is rate limited → 429. Checked by {@code OpenApiCompletenessTests}.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

	static final String BEARER = "bearer";

	static final String PROBLEM = "Problem";

	@Bean
	OpenAPI praxOpenApi() {
		return new OpenAPI()
			.info(new Info().title("Prax API")
				.version("v1")
				.description("Multi-tenant CRM and back-office. Sign in with POST /api/v1/auth/login and send "
						+ "the access token as `Authorization: Bearer …`. Every failure is an RFC 9457 problem "
						+ "with a stable `code`."))
			.components(new Components()
				.addSecuritySchemes(BEARER,
						new SecurityScheme().type(SecurityScheme.Type.HTTP)
							.scheme("bearer")
							.bearerFormat("JWT")
							.description("The accessToken from /api/v1/auth/login or /api/v1/auth/refresh"))
				.addSchemas(PROBLEM, problemSchema()));
	}

	@Bean
	OperationCustomizer guardedOperations() {
		return (operation, handler) -> {
			describe(operation, handler);
			return operation;
		};
	}

	/**
	 * Examples for the fields every module shares, by name, so request and answer schemas
	 * show real values without each record repeating them; a field's own
	 * {@code @Schema(example)} wins.
	 */
	@Bean
	@SuppressWarnings({ "rawtypes", "unchecked" })
	OpenApiCustomizer fieldExamples() {
		return openApi -> {
			if (openApi.getComponents() == null || openApi.getComponents().getSchemas() == null) {
				return;
			}
			Map<String, Schema<?>> schemas = (Map) openApi.getComponents().getSchemas();
			schemas.forEach((name, schema) -> {
				if (schema.getProperties() == null || name.equals(PROBLEM)) {
					return;
				}
				Map<String, Schema<?>> properties = (Map) schema.getProperties();
				properties.forEach((field, property) -> {
					Object example = EXAMPLES.get(field);
					if (example != null && property.getExample() == null && property.get$ref() == null) {
						property.setExample(example);
					}
				});
			});
		};
	}

	private static final Map<String, Object> EXAMPLES = Map.ofEntries(Map.entry("tenant", "acme"),
			Map.entry("tenantSlug", "acme"), Map.entry("tenantName", "Acme Ltd"),
			Map.entry("email", "ada@acme.example"), Map.entry("name", "Ada Lovelace"),
			Map.entry("password", "correct horse battery staple"),
			Map.entry("currentPassword", "correct horse battery staple"),
			Map.entry("newPassword", "a longer passphrase of my own"), Map.entry("rememberMe", false),
			Map.entry("version", 3), Map.entry("reason", "Duplicate of an existing record"),
			Map.entry("phone", "+44 20 7946 0000"), Map.entry("expiresIn", 900), Map.entry("tier", "EMPLOYEE"),
			Map.entry("permission", "customers:view"));

	static void describe(Operation operation, HandlerMethod handler) {
		ApiResponses responses = operation.getResponses() != null ? operation.getResponses() : new ApiResponses();
		operation.setResponses(responses);
		PublicEndpoint open = annotation(handler, PublicEndpoint.class);
		SignedInOnly signedIn = annotation(handler, SignedInOnly.class);
		RequiresPermission permission = annotation(handler, RequiresPermission.class);
		if (open != null) {
			// An empty requirement list says explicitly: no credential needed.
			operation.setSecurity(List.of());
		}
		else {
			operation.setSecurity(List.of(new SecurityRequirement().addList(BEARER)));
			problem(responses, "401",
					"Not signed in, or the token expired or was revoked (`authentication_required`, `token_expired`, …)");
			if (permission != null) {
				problem(responses, "403", "Missing permission "
						+ Arrays.stream(permission.value()).map(Permission::key).toList() + " (`forbidden`)");
			}
			else if (signedIn != null && signedIn.staff()) {
				problem(responses, "403", "Staff only (`forbidden`)");
			}
		}
		MethodParameter[] parameters = handler.getMethodParameters();
		boolean pathVariable = Arrays.stream(parameters).anyMatch(p -> p.hasParameterAnnotation(PathVariable.class));
		boolean input = Arrays.stream(parameters)
			.anyMatch(p -> p.hasParameterAnnotation(RequestBody.class) || p.hasParameterAnnotation(RequestParam.class));
		if (input || pathVariable) {
			problem(responses, "400", "Invalid input (`validation_failed` with per-field `errors`, …)");
		}
		if (pathVariable) {
			problem(responses, "404", "No such resource in this workspace (`not_found`)");
		}
		if (handler.hasMethodAnnotation(PatchMapping.class) || Arrays.stream(parameters)
			.filter(p -> p.hasParameterAnnotation(RequestBody.class))
			.anyMatch(p -> hasVersion(p.getParameterType()))) {
			problem(responses, "409",
					"Changed by someone else since it was read (`version_conflict`), or in conflict with existing data");
		}
		problem(responses, "429", "Rate limited (`rate_limited`, `too_many_attempts`); see `Retry-After`");
	}

	private static boolean hasVersion(Class<?> type) {
		RecordComponent[] components = type.getRecordComponents();
		return components != null && Arrays.stream(components).anyMatch(c -> c.getName().equals("version"));
	}

	private static <A extends java.lang.annotation.Annotation> @Nullable A annotation(HandlerMethod handler,
			Class<A> type) {
		A onMethod = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), type);
		return onMethod != null ? onMethod : AnnotatedElementUtils.findMergedAnnotation(handler.getBeanType(), type);
	}

	private static void problem(ApiResponses responses, String status, String description) {
		ApiResponse existing = responses.get(status);
		if (existing != null && existing.getContent() != null
				&& existing.getContent().containsKey("application/problem+json")) {
			return;
		}
		responses.addApiResponse(status, new ApiResponse()
			.description(
					existing != null && existing.getDescription() != null ? existing.getDescription() : description)
			.content(new Content().addMediaType("application/problem+json",
					new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM)))));
	}

	@SuppressWarnings("rawtypes")
	private static Schema<?> problemSchema() {
		Map<String, Schema> properties = new LinkedHashMap<>();
		properties.put("type", new StringSchema().format("uri").example("https://prax.io/problems/not-found"));
		properties.put("title", new StringSchema().example("Not Found"));
		properties.put("status", new IntegerSchema().example(404));
		properties.put("detail", new StringSchema().example("No such customer"));
		properties.put("instance", new StringSchema().format("uri-reference"));
		properties.put("code", new StringSchema().description("Stable machine-readable reason; clients branch on it")
			.example("not_found"));
		properties.put("errors",
				new ObjectSchema().additionalProperties(new StringSchema())
					.description("Per-field messages, for validation_failed")
					.example(Map.of("email", "must be a well-formed email address")));
		return new ObjectSchema().description("RFC 9457 problem detail with Prax's stable code")
			.properties(properties)
			.required(List.of("status", "code"));
	}

}
