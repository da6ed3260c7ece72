package io.prax.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A plain HTTP client for the REST API, as an outside integration would call it. */
public final class Api {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	private final String base;

	public Api(int port) {
		this.base = "http://localhost:" + port;
	}

	public Response get(String path, @Nullable String token) {
		return send("GET", path, null, token);
	}

	public Response post(String path, @Nullable Object body, @Nullable String token) {
		return send("POST", path, body, token);
	}

	public Response patch(String path, Object body, @Nullable String token) {
		return send("PATCH", path, body, token);
	}

	public Response delete(String path, @Nullable Object body, @Nullable String token) {
		return send("DELETE", path, body, token);
	}

	public Response send(String method, String path, @Nullable Object body, @Nullable String token) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
			.header("Accept", "application/json, application/problem+json");
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		if (body != null) {
			String json = body instanceof String s ? s : JSON.writeValueAsString(body);
			request.header("Content-Type", "application/json")
				.method(method, HttpRequest.BodyPublishers.ofString(json));
		}
		else {
			request.method(method, HttpRequest.BodyPublishers.noBody());
		}
		try {
			HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
			return new Response(response.statusCode(), response.body(), response);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** A page as the browser gets it, signed in through the session cookie. */
	public Response page(String path, String accessToken) {
		HttpRequest request = HttpRequest.newBuilder(URI.create(base + path))
			.header("Cookie", "prax_access=" + accessToken)
			.GET()
			.build();
		try {
			HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
			return new Response(response.statusCode(), response.body(), response);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Signs in and answers the access token. A sign-in that asks for MFA is completed
	 * with the test {@link Authenticator}, enrolling TOTP first when the user must and
	 * has not.
	 */
	public Tokens login(String tenant, String email, String password) {
		Response response = post("/api/v1/auth/login",
				Map.of("tenant", tenant, "email", email, "password", password, "rememberMe", false), null);
		if (response.status() == 200 && response.json().has("mfaRequired")) {
			String mfaToken = response.text("mfaToken");
			if (response.json().get("enrolmentRequired").asBoolean()) {
				Response enrolment = post("/api/v1/me/mfa/totp", null, mfaToken);
				if (enrolment.status() != 200) {
					throw new AssertionError("Enrolment failed: " + enrolment.status() + " " + enrolment.body());
				}
				Authenticator.enrolled(tenant, email, enrolment.text("secret"));
				Response confirmed = post("/api/v1/me/mfa/totp/confirm",
						Map.of("code", Authenticator.nextCode(tenant, email)), mfaToken);
				if (confirmed.status() != 200) {
					throw new AssertionError("Enrolment failed: " + confirmed.status() + " " + confirmed.body());
				}
				java.util.List<String> codes = new java.util.ArrayList<>();
				confirmed.json().get("backupCodes").forEach(code -> codes.add(code.asString()));
				Authenticator.backupCodes(tenant, email, codes);
			}
			response = post("/api/v1/auth/mfa",
					Map.of("mfaToken", mfaToken, "code", Authenticator.nextCode(tenant, email)), null);
		}
		if (response.status() != 200) {
			throw new AssertionError("Login failed: " + response.status() + " " + response.body());
		}
		return new Tokens(response.json().get("accessToken").asString(), response.json().get("refreshToken").asString(),
				response.json().get("sessionId").asString());
	}

	public record Tokens(String access, String refresh, String sessionId) {
	}

	public record Response(int status, String body, HttpResponse<String> raw) {

		public JsonNode json() {
			return JSON.readTree(body);
		}

		public String code() {
			JsonNode code = json().get("code");
			return code == null ? null : code.asString();
		}

		public String text(String field) {
			return json().get(field).asString();
		}
	}

}
