package io.prax.platform;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.ServletException;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.util.NetMask;
import org.apache.catalina.valves.RemoteIpValve;
import org.apache.catalina.valves.ValveBase;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Which proxies' {@code X-Forwarded-For}/{@code -Proto} Tomcat believes
 * ({@code PRAX_TRUSTED_PROXIES}: addresses and CIDR ranges, by default loopback only),
 * and the capture of every request's real TCP peer ({@link PeerAddress}), which those
 * headers never rewrite.
 */
@Configuration(proxyBeanMethods = false)
class ForwardedHeadersConfiguration {

	@Bean
	TrustedProxies trustedProxies(PraxProperties properties) {
		return new TrustedProxies(internalProxies(properties.trustedProxies()));
	}

	/**
	 * Runs after Spring Boot's own customizer, which creates the RemoteIpValve for
	 * {@code forward-headers-strategy=native}.
	 */
	static final class TrustedProxies implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

		private final String internalProxies;

		TrustedProxies(String internalProxies) {
			this.internalProxies = internalProxies;
		}

		@Override
		public void customize(TomcatServletWebServerFactory factory) {
			factory.getEngineValves()
				.stream()
				.filter(RemoteIpValve.class::isInstance)
				.map(RemoteIpValve.class::cast)
				.forEach(valve -> valve.setInternalProxies(internalProxies));
			factory.addContextValves(new PeerAddressValve());
		}

		@Override
		public int getOrder() {
			return Ordered.LOWEST_PRECEDENCE;
		}

	}

	/**
	 * The comma-separated list as Tomcat's RemoteIpValve takes CIDR ranges (it does when
	 * the value contains a {@code /}); a bare address becomes a one-address range. Empty
	 * trusts no proxy.
	 */
	static String internalProxies(String trustedProxies) {
		List<String> ranges = new ArrayList<>();
		for (String entry : trustedProxies.split(",")) {
			String range = entry.strip();
			if (range.isEmpty()) {
				continue;
			}
			String address = range.contains("/") ? range.substring(0, range.indexOf('/')) : range;
			if (!address.matches("[0-9.]+|[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*")) {
				throw new IllegalStateException(
						"PRAX_TRUSTED_PROXIES lists addresses and CIDR ranges, not '" + range + "'");
			}
			if (!range.contains("/")) {
				range += address.contains(":") ? "/128" : "/32";
			}
			try {
				new NetMask(range);
			}
			catch (IllegalArgumentException ex) {
				throw new IllegalStateException("PRAX_TRUSTED_PROXIES: '" + range + "' is not an address or CIDR range",
						ex);
			}
			ranges.add(range);
		}
		return String.join(",", ranges);
	}

	/**
	 * Records the socket's peer before anything reads the (possibly forwarded) remote
	 * address.
	 */
	static final class PeerAddressValve extends ValveBase {

		PeerAddressValve() {
			super(true);
		}

		@Override
		public void invoke(Request request, Response response) throws IOException, ServletException {
			request.setAttribute(PeerAddress.ATTRIBUTE, request.getPeerAddr());
			getNext().invoke(request, response);
		}

	}

}
