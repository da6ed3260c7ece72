package io.prax.platform;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What counts as "this machine", and how PRAX_TRUSTED_PROXIES reaches Tomcat. */
class ForwardedHeadersTests {

	@Test
	void judgesTheMachineByTheSocketPeerAndTheForwardedClient() {
		assertThat(PeerAddress.fromThisMachine("127.0.0.1", "127.0.0.1")).isTrue();
		assertThat(PeerAddress.fromThisMachine("0:0:0:0:0:0:0:1", "0:0:0:0:0:0:0:1")).isTrue();
		// A trusted proxy elsewhere claims a loopback client: the peer decides.
		assertThat(PeerAddress.fromThisMachine("192.0.2.2", "127.0.0.1")).isFalse();
		// A proxy on this machine relays a remote client.
		assertThat(PeerAddress.fromThisMachine("127.0.0.1", "203.0.113.9")).isFalse();
		assertThat(PeerAddress.fromThisMachine(null, "127.0.0.1")).isFalse();
		assertThat(PeerAddress.isLoopback("localhost")).isFalse();
		assertThat(PeerAddress.isLoopback("::ffff:127.0.0.1")).isTrue();
	}

	@Test
	void mapsTrustedProxiesToCidrRanges() {
		assertThat(ForwardedHeadersConfiguration.internalProxies("127.0.0.0/8,::1")).isEqualTo("127.0.0.0/8,::1/128");
		assertThat(ForwardedHeadersConfiguration.internalProxies(" 10.0.0.5 , 172.16.0.0/12,fd00::/8"))
			.isEqualTo("10.0.0.5/32,172.16.0.0/12,fd00::/8");
		assertThat(ForwardedHeadersConfiguration.internalProxies("")).isEmpty();
		assertThatThrownBy(() -> ForwardedHeadersConfiguration.internalProxies("proxy.example.com"))
			.hasMessageContaining("PRAX_TRUSTED_PROXIES");
		assertThatThrownBy(() -> ForwardedHeadersConfiguration.internalProxies("10.0.0.0/40"))
			.hasMessageContaining("PRAX_TRUSTED_PROXIES");
	}

}
