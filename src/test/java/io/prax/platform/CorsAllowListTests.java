package io.prax.platform;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.cors.CorsConfiguration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The CORS allow-list: exact origins only, never with credentials, and only for the API.
 */
class CorsAllowListTests {

	@Test
	void allowsListedOriginsForTheApiWithoutCredentials() {
		var source = new WebHardeningConfiguration().allowing(List.of("https://app.example", " "));

		CorsConfiguration api = source.getCorsConfiguration(new MockHttpServletRequest("GET", "/api/v1/customers"));

		assertThat(api).isNotNull();
		assertThat(api.checkOrigin("https://app.example")).isEqualTo("https://app.example");
		assertThat(api.checkOrigin("https://evil.example")).isNull();
		assertThat(api.getAllowCredentials()).isFalse();
		assertThat(source.getCorsConfiguration(new MockHttpServletRequest("GET", "/customers"))).isNull();
	}

	@Test
	void allowsNoOriginByDefault() {
		var source = new WebHardeningConfiguration().allowing(List.of());

		assertThat(source.getCorsConfiguration(new MockHttpServletRequest("GET", "/api/v1/customers"))).isNull();
	}

	@Test
	void refusesAWildcard() {
		assertThatIllegalStateException().isThrownBy(() -> new WebHardeningConfiguration().allowing(List.of("*")));
	}

}
