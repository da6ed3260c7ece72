package io.prax.session;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The caller chooses the User-Agent (and, through a trusted proxy, the address): both are
 * stored bounded.
 */
class ClientInfoTests {

	@Test
	void storesHeadersCutToTheirBound() {
		MockHttpServletRequest request = new MockHttpServletRequest();
		request.addHeader("User-Agent", "Mozilla/5.0 " + "x".repeat(7_000));
		request.setRemoteAddr("2001:db8::" + "1".repeat(500));

		ClientInfo client = ClientInfo.of(request);

		assertThat(client.userAgent()).hasSize(ClientInfo.MAX_USER_AGENT).startsWith("Mozilla/5.0 x");
		assertThat(client.ip()).hasSize(ClientInfo.MAX_IP);
	}

	@Test
	void keepsOrdinaryValuesAndSurrogatePairsWhole() {
		assertThat(new ClientInfo("203.0.113.7", "Firefox").userAgent()).isEqualTo("Firefox");
		String emoji = "a".repeat(ClientInfo.MAX_USER_AGENT - 1) + "\uD83D\uDE00";
		assertThat(new ClientInfo(null, emoji).userAgent()).hasSize(ClientInfo.MAX_USER_AGENT - 1);
		assertThat(new ClientInfo(null, null).userAgent()).isNull();
	}

}
