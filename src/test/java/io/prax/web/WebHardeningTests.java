package io.prax.web;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.prax.support.PraxIntegrationTest;
import org.apache.catalina.valves.RemoteIpValve;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Browser protections on every answer: nonce CSP, HSTS over HTTPS only, security.txt,
 * body limits, CORS.
 */
@PraxIntegrationTest
class WebHardeningTests {

	@LocalServerPort
	int port;

	@Autowired
	WebServerApplicationContext context;

	/**
	 * By default only a proxy on this machine may say who the client is, not any host of
	 * a private network.
	 */
	@Test
	void trustsForwardedHeadersOnlyFromLoopbackByDefault() {
		var valves = ((TomcatWebServer) context.getWebServer()).getTomcat().getEngine().getPipeline().getValves();
		RemoteIpValve remoteIp = java.util.Arrays.stream(valves)
			.filter(RemoteIpValve.class::isInstance)
			.map(RemoteIpValve.class::cast)
			.findFirst()
			.orElseThrow();

		assertThat(remoteIp.getInternalProxies()).contains("127.0.0.0/8")
			.doesNotContain("10.")
			.doesNotContain("192")
			.doesNotContain("172");
	}

	@Test
	void sendsAStrictPolicyWithAFreshNonceThatTheScriptsCarry() {
		HttpResponse<String> first = get("/login", null);
		HttpResponse<String> second = get("/login", null);

		String policy = first.headers().firstValue("Content-Security-Policy").orElseThrow();
		Matcher nonce = Pattern.compile("script-src 'self' 'nonce-([A-Za-z0-9+/=]{20,})'").matcher(policy);
		assertThat(nonce.find()).isTrue();
		assertThat(policy).contains("style-src 'self' 'nonce-" + nonce.group(1) + "'")
			.contains("frame-ancestors 'none'")
			.contains("object-src 'none'")
			.doesNotContain("unsafe-inline")
			.doesNotContain("unsafe-eval");
		assertThat(first.body()).contains("nonce=\"" + nonce.group(1) + "\"");
		assertThat(second.headers().firstValue("Content-Security-Policy").orElseThrow()).isNotEqualTo(policy);
		assertThat(first.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
		assertThat(first.headers().firstValue("X-Frame-Options")).hasValue("DENY");
		assertThat(first.headers().firstValue("Referrer-Policy")).hasValue("strict-origin-when-cross-origin");
		assertThat(first.headers().firstValue("Permissions-Policy")).isPresent();
	}

	@Test
	void sendsTheHeadersOnApiAnswersAndErrorsToo() {
		HttpResponse<String> refused = get("/api/v1/customers", null);

		assertThat(refused.statusCode()).isEqualTo(401);
		assertThat(refused.headers().firstValue("Content-Security-Policy")).isPresent();
		assertThat(refused.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
	}

	@Test
	void sendsHstsOnlyOverHttps() {
		assertThat(get("/login", null).headers().firstValue("Strict-Transport-Security")).isEmpty();

		HttpResponse<String> viaTlsProxy = get("/login", "https");

		assertThat(viaTlsProxy.headers().firstValue("Strict-Transport-Security").orElseThrow()).contains("max-age=");
	}

	@Test
	void publishesSecurityTxt() {
		HttpResponse<String> txt = get("/.well-known/security.txt", null);

		assertThat(txt.statusCode()).isEqualTo(200);
		assertThat(txt.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/plain");
		assertThat(txt.body()).contains("Contact: mailto:security@localhost")
			.containsPattern("Expires: \\d{4}-\\d{2}-\\d{2}T")
			.contains("Preferred-Languages: en")
			.contains("Canonical: http://localhost/.well-known/security.txt");
	}

	@Test
	void refusesTooLargeJsonBodies() throws Exception {
		String big = "{\"tenant\":\"" + "x".repeat(1_100_000) + "\"}";
		HttpClient http = HttpClient.newHttpClient();

		HttpResponse<String> declared = http.send(HttpRequest.newBuilder(uri("/api/v1/auth/password-reset/confirm"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(big))
			.build(), HttpResponse.BodyHandlers.ofString());
		HttpResponse<String> chunked = http.send(HttpRequest.newBuilder(uri("/api/v1/auth/password-reset/confirm"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big.getBytes())))
			.build(), HttpResponse.BodyHandlers.ofString());

		assertThat(declared.statusCode()).isEqualTo(413);
		assertThat(declared.body()).contains("\"code\":\"payload_too_large\"");
		assertThat(chunked.statusCode()).isEqualTo(413);
		assertThat(chunked.body()).contains("\"code\":\"payload_too_large\"");
	}

	@Test
	void refusesCrossOriginCallsFromUnlistedOrigins() throws Exception {
		HttpResponse<String> preflight = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(uri("/api/v1/customers"))
				.method("OPTIONS", HttpRequest.BodyPublishers.noBody())
				.header("Origin", "https://evil.example")
				.header("Access-Control-Request-Method", "GET")
				.build(), HttpResponse.BodyHandlers.ofString());

		// Without Access-Control-Allow-Origin the browser refuses to let the other origin
		// call.
		assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
	}

	private HttpResponse<String> get(String path, String forwardedProto) {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
		if (forwardedProto != null) {
			request.header("X-Forwarded-Proto", forwardedProto);
		}
		try {
			return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (Exception ex) {
			throw new AssertionError(ex);
		}
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + port + path);
	}

}
