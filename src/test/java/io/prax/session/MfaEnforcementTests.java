package io.prax.session;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.prax.identity.Onboarding;
import io.prax.platform.PublicEndpoint;
import io.prax.support.Api;
import io.prax.support.MfaRequired;
import io.prax.support.PraxIntegrationTest;
import io.prax.support.Tenants;
import io.prax.support.Tenants.TestTenant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An administrator who has no MFA yet reaches nothing but enrolment (and sign-out) with
 * what the password step gave them: every handler of the application is called with the
 * mfaToken, as bearer token and as the browser's cookie.
 */
@PraxIntegrationTest
@MfaRequired
class MfaEnforcementTests {

	private static final Set<String> ENROLMENT = Set.of("POST /api/v1/me/mfa/totp", "POST /api/v1/me/mfa/totp/confirm");

	@LocalServerPort
	int port;

	@Autowired
	Onboarding onboarding;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mapping;

	private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	@Test
	void anAdministratorWithoutMfaReachesOnlyTheEnrolmentEndpoints() throws Exception {
		TestTenant tenant = Tenants.newTenant(onboarding);
		Api api = new Api(port);
		Api.Response login = api.post("/api/v1/auth/login",
				Map.of("tenant", tenant.slug(), "email", tenant.adminEmail(), "password", Tenants.PASSWORD), null);
		assertThat(login.json().get("enrolmentRequired").asBoolean()).isTrue();
		String mfaToken = login.text("mfaToken");

		List<String> reached = new ArrayList<>();
		int walked = 0;
		for (var entry : mapping.getHandlerMethods().entrySet()) {
			if (!entry.getValue().getBeanType().getName().startsWith("io.prax.")
					|| AnnotatedElementUtils.findMergedAnnotation(entry.getValue().getMethod(),
							PublicEndpoint.class) != null
					|| AnnotatedElementUtils.findMergedAnnotation(entry.getValue().getBeanType(),
							PublicEndpoint.class) != null) {
				continue;
			}
			Set<RequestMethod> methods = entry.getKey().getMethodsCondition().getMethods();
			for (String pattern : entry.getKey().getPatternValues()) {
				String path = pattern.replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
				for (RequestMethod method : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
					String call = method + " " + pattern;
					walked++;
					int bearer = send(method.name(), path, "Authorization", "Bearer " + mfaToken);
					int cookie = send(method.name(), path, "Cookie", "prax_mfa=" + mfaToken);
					if (ENROLMENT.contains(call)) {
						assertThat(bearer).as(call).isNotIn(401, 403);
						continue;
					}
					if (!refused(bearer) || !refused(cookie)) {
						reached.add(call + " -> " + bearer + "/" + cookie);
					}
				}
			}
		}
		assertThat(walked).isGreaterThan(50);
		assertThat(reached).isEmpty();
	}

	/**
	 * Not let in: no credentials (401), forbidden (403, also a refused CSRF token) or
	 * sent to sign in.
	 */
	private static boolean refused(int status) {
		return status == 401 || status == 403 || status == -302;
	}

	private int send(String method, String path, String header, String value) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header(header, value)
			.header("Accept", path.startsWith("/api/") ? "application/json" : "text/html")
			.header("Content-Type", "application/json")
			.method(method, HttpRequest.BodyPublishers.ofString(method.equals("GET") ? "" : "{}"))
			.build();
		HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() == 302 && response.headers().firstValue("Location").orElse("").contains("/login")) {
			return -302;
		}
		return response.statusCode();
	}

}
