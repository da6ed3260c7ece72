package io.prax.session;

import jakarta.servlet.http.HttpServletRequest;

import org.jspecify.annotations.Nullable;

/** Where a request comes from, as recorded on its session. */
record ClientInfo(@Nullable String ip, @Nullable String userAgent) {

	static ClientInfo of(HttpServletRequest request) {
		return new ClientInfo(request.getRemoteAddr(), request.getHeader("User-Agent"));
	}
}
