package io.prax.platform;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;

import org.jspecify.annotations.Nullable;

/**
 * The TCP peer of a request's connection. Behind a trusted proxy {@code getRemoteAddr()}
 * is the client that the proxy's {@code X-Forwarded-For} names; the peer is what the
 * socket says, captured by {@link ForwardedHeadersConfiguration}'s valve, and no header
 * can change it.
 */
public final class PeerAddress {

	static final String ATTRIBUTE = PeerAddress.class.getName();

	private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

	private static final Pattern IPV6 = Pattern.compile("\\[?[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*]?(%[\\w.-]+)?");

	private PeerAddress() {
	}

	/**
	 * The socket's peer address, or null where the server does not provide it (not
	 * Tomcat).
	 */
	public static @Nullable String of(HttpServletRequest request) {
		Object peer = request.getAttribute(ATTRIBUTE);
		return peer instanceof String address ? address : null;
	}

	/**
	 * Whether the request comes from this machine: the socket's peer is loopback, and no
	 * proxy forwarded it on behalf of a client elsewhere (a proxy on this machine
	 * relaying a remote client makes {@code getRemoteAddr()} that client). Unknown counts
	 * as elsewhere.
	 */
	public static boolean fromThisMachine(HttpServletRequest request) {
		return fromThisMachine(of(request), request.getRemoteAddr());
	}

	static boolean fromThisMachine(@Nullable String peer, @Nullable String remote) {
		return isLoopback(peer) && isLoopback(remote);
	}

	/** Only address literals: a host name here must never cause a DNS lookup. */
	static boolean isLoopback(@Nullable String address) {
		if (address == null || !(IPV4.matcher(address).matches() || IPV6.matcher(address).matches())) {
			return false;
		}
		try {
			return InetAddress.getByName(address).isLoopbackAddress();
		}
		catch (UnknownHostException ex) {
			return false;
		}
	}

}
