package io.prax.identity;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Collections;
import java.util.Comparator;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.prax.PraxApplication;
import io.prax.support.TestDataDirectory;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one-time set-up link works from this machine only, judged on the socket's peer: a
 * forwarded header claiming loopback does not pass, even from a proxy Prax trusts. Needs
 * a Prax without any tenant, so it starts one on a data directory of its own, trusting
 * this host's non-loopback address as a proxy (the set-up that the forged header
 * exploited).
 */
@ExtendWith(OutputCaptureExtension.class)
class SetupLinkTests {

	@Test
	void acceptsOnlyRequestsWhoseSocketPeerIsThisMachine(CapturedOutput output) throws Exception {
		Optional<InetAddress> lan = nonLoopbackAddress();
		String trusted = "127.0.0.0/8,::1" + lan.map(a -> "," + a.getHostAddress()).orElse("");
		try (ConfigurableApplicationContext prax = new SpringApplicationBuilder(PraxApplication.class).run(
				"--server.port=0", "--prax.data-dir=" + TestDataDirectory.path().resolve("setup-link"),
				"--prax.public-url=http://localhost", "--prax.mail.dispatch-interval=1h",
				"--prax.trusted-proxies=" + trusted)) {
			int port = Integer.parseInt(prax.getEnvironment().getProperty("local.server.port"));
			Matcher link = Pattern.compile("/setup\\?token=([\\w-]+)").matcher(output.getOut());
			assertThat(link.find()).as("the set-up link is printed").isTrue();
			String setup = "/setup?token=" + link.group(1);

			if (lan.isPresent()) {
				String host = lan.get().getHostAddress();
				assertThat(get(host, port, setup, "127.0.0.1")).as("trusted proxy forging loopback").isEqualTo(404);
				assertThat(get(host, port, setup, null)).as("another machine").isEqualTo(404);
			}
			assertThat(get("127.0.0.1", port, setup, "203.0.113.9")).as("a local proxy relaying a remote client")
				.isEqualTo(404);
			assertThat(get("127.0.0.1", port, "/setup?token=wrong", null)).isEqualTo(404);
			assertThat(get("127.0.0.1", port, setup, null)).as("this machine").isEqualTo(200);
		}
	}

	private static int get(String host, int port, String path, @Nullable String forwardedFor) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://" + host + ":" + port + path));
		if (forwardedFor != null) {
			request.header("X-Forwarded-For", forwardedFor);
		}
		return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
	}

	/**
	 * An address of this host that is not loopback: connecting to it makes the socket
	 * peer non-loopback.
	 */
	private static Optional<InetAddress> nonLoopbackAddress() throws Exception {
		return Collections.list(NetworkInterface.getNetworkInterfaces())
			.stream()
			.filter(SetupLinkTests::up)
			.flatMap(i -> Collections.list(i.getInetAddresses()).stream())
			.filter(a -> !a.isLoopbackAddress() && !a.isLinkLocalAddress() && !a.isAnyLocalAddress())
			.min(Comparator.comparing(a -> a instanceof Inet4Address ? 0 : 1));
	}

	private static boolean up(NetworkInterface network) {
		try {
			return network.isUp() && !network.isLoopback();
		}
		catch (java.net.SocketException ex) {
			return false;
		}
	}

}
