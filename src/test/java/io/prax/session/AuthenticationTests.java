package io.prax.session;

import java.util.Map;

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

/** Password sign-in, refresh-token rotation and sign-out through the API. */
@PraxIntegrationTest
class AuthenticationTests {

	@LocalServerPort
	int port;

	@Autowired
	Onboarding onboarding;

	Api api;
	TestTenant tenant;

	@BeforeEach
	void tenant() {
		api = new Api(port);
		tenant = Tenants.newTenant(onboarding);
	}

	@Test
	void signsInWithPasswordAndUsesTheAccessToken() {
		var login = api.post("/api/v1/auth/login", Map.of("tenant", tenant.slug(), "email", tenant.adminEmail(),
				"password", Tenants.PASSWORD, "rememberMe", true), null);

		assertThat(login.status()).isEqualTo(200);
		assertThat(login.json().get("expiresIn").asInt()).isEqualTo(900);
		assertThat(login.text("sessionId")).isNotBlank();
		assertThat(api.get("/api/v1/customers", login.text("accessToken")).status()).isEqualTo(200);
	}

	@Test
	void answersIdenticallyForWrongPasswordUnknownUserAndUnknownTenant() {
		var wrongPassword = api.post("/api/v1/auth/login",
				Map.of("tenant", tenant.slug(), "email", tenant.adminEmail(), "password", "not the password at all"), null);
		var unknownUser = api.post("/api/v1/auth/login",
				Map.of("tenant", tenant.slug(), "email", "nobody@example.com", "password", Tenants.PASSWORD), null);
		var unknownTenant = api.post("/api/v1/auth/login",
				Map.of("tenant", "no-such-tenant", "email", tenant.adminEmail(), "password", Tenants.PASSWORD), null);

		assertThat(wrongPassword.status()).isEqualTo(401);
		assertThat(wrongPassword.code()).isEqualTo("invalid_credentials");
		assertThat(unknownUser.body()).isEqualTo(wrongPassword.body());
		assertThat(unknownTenant.body()).isEqualTo(wrongPassword.body());
	}

	@Test
	void refusesRequestsWithoutOrWithForgedToken() {
		assertThat(api.get("/api/v1/customers", null).code()).isEqualTo("authentication_required");
		var forged = api.get("/api/v1/customers", "eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.");
		assertThat(forged.status()).isEqualTo(401);
		assertThat(forged.code()).isEqualTo("invalid_token");
	}

	@Test
	void rotatesRefreshTokens() {
		Api.Tokens first = api.login(tenant.slug(), tenant.adminEmail(), Tenants.PASSWORD);

		var refreshed = api.post("/api/v1/auth/refresh", Map.of("refreshToken", first.refresh()), null);

		assertThat(refreshed.status()).isEqualTo(200);
		assertThat(refreshed.text("refreshToken")).isNotEqualTo(first.refresh());
		assertThat(api.get("/api/v1/customers", refreshed.text("accessToken")).status()).isEqualTo(200);
		var secondRefresh = api.post("/api/v1/auth/refresh", Map.of("refreshToken", refreshed.text("refreshToken")),
				null);
		assertThat(secondRefresh.status()).isEqualTo(200);
	}

	@Test
	void revokesSessionOnRefreshTokenReuse() {
		Api.Tokens first = api.login(tenant.slug(), tenant.adminEmail(), Tenants.PASSWORD);
		var refreshed = api.post("/api/v1/auth/refresh", Map.of("refreshToken", first.refresh()), null);

		var reuse = api.post("/api/v1/auth/refresh", Map.of("refreshToken", first.refresh()), null);

		assertThat(reuse.status()).isEqualTo(401);
		assertThat(reuse.code()).isEqualTo("refresh_token_reused");
		var afterTheft = api.get("/api/v1/customers", refreshed.text("accessToken"));
		assertThat(afterTheft.status()).isEqualTo(401);
		assertThat(afterTheft.code()).isEqualTo("session_revoked");
		assertThat(api.post("/api/v1/auth/refresh", Map.of("refreshToken", refreshed.text("refreshToken")), null)
			.status()).isEqualTo(401);
	}

	@Test
	void refusesAGarbageRefreshToken() {
		var refresh = api.post("/api/v1/auth/refresh", Map.of("refreshToken", "garbage"), null);

		assertThat(refresh.status()).isEqualTo(401);
		assertThat(refresh.code()).isEqualTo("invalid_refresh_token");
	}

	@Test
	void logoutRevokesTheSessionAtOnce() {
		Api.Tokens tokens = api.login(tenant.slug(), tenant.adminEmail(), Tenants.PASSWORD);

		assertThat(api.post("/api/v1/auth/logout", null, tokens.access()).status()).isEqualTo(204);

		var after = api.get("/api/v1/customers", tokens.access());
		assertThat(after.status()).isEqualTo(401);
		assertThat(after.code()).isEqualTo("session_revoked");
		assertThat(api.post("/api/v1/auth/refresh", Map.of("refreshToken", tokens.refresh()), null).status())
			.isEqualTo(401);
	}

	@Test
	void tellsWhichSignInMethodsAWorkspaceOffersWithoutRevealingWhetherItExists() {
		var known = api.get("/api/v1/auth/sso/" + tenant.slug(), null);
		var unknown = api.get("/api/v1/auth/sso/no-such-workspace", null);

		assertThat(known.status()).isEqualTo(200);
		assertThat(known.json().get("methods").get(0).asString()).isEqualTo("password");
		assertThat(unknown.body()).isEqualTo(known.body());
	}

	@Test
	void logoutWithoutTokenIsUnauthorized() {
		assertThat(api.post("/api/v1/auth/logout", null, null).status()).isEqualTo(401);
	}
}
