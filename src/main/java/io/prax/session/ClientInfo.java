package io.prax.session;

import jakarta.servlet.http.HttpServletRequest;

import org.jspecify.annotations.Nullable;

/**
 * Where a request comes from, as recorded on its session. Both come from headers the
 * caller chooses (User-Agent; X-Forwarded-For through a trusted proxy), so they are
 * stored cut to a bound.
 */
record ClientInfo(@Nullable String ip, @Nullable String userAgent) {

	/** Longer than any real browser's User-Agent. */
	static final int MAX_USER_AGENT = 512;

	/** The longest textual IPv6 address with a zone is well below this. */
	static final int MAX_IP = 64;

	ClientInfo {
		ip = truncate(ip, MAX_IP);
		userAgent = truncate(userAgent, MAX_USER_AGENT);
	}

	static ClientInfo of(HttpServletRequest request) {
		return new ClientInfo(request.getRemoteAddr(), request.getHeader("User-Agent"));
	}

	static @Nullable String truncate(@Nullable String value, int max) {
		if (value == null || value.length() <= max) {
			return value;
		}
		// Do not split a surrogate pair.
		int end = Character.isHighSurrogate(value.charAt(max - 1)) ? max - 1 : max;
		return value.substring(0, end);
	}
}
