package io.prax.session;

import org.jspecify.annotations.Nullable;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;

/**
 * The browser carries the same tokens as an API client, in HttpOnly, SameSite=Lax cookies
 * that are Secure whenever the browser would accept that (HTTPS, or plain HTTP to a
 * loopback address).
 */
final class SessionCookies {

	static final String ACCESS = "prax_access";
	static final String REFRESH = "prax_refresh";

	/**
	 * The {@code mfaToken} of a sign-in waiting for its second factor or its enrolment.
	 */
	static final String MFA = "prax_mfa";

	private SessionCookies() {
	}

	static void write(HttpServletRequest request, HttpServletResponse response, IssuedTokens tokens, Instant now) {
		add(response, cookie(request, ACCESS, tokens.accessToken(), AccessTokens.LIFETIME));
		// Without "remember me" the refresh cookie ends with the browser session.
		Duration refreshAge = tokens.rememberMe() ? Duration.between(now, tokens.refreshExpiresAt()) : null;
		add(response, cookie(request, REFRESH, tokens.refreshToken(), refreshAge));
	}

	static void clear(HttpServletRequest request, HttpServletResponse response) {
		add(response, cookie(request, ACCESS, "", Duration.ZERO));
		add(response, cookie(request, REFRESH, "", Duration.ZERO));
	}

	static void writeMfa(HttpServletRequest request, HttpServletResponse response, String mfaToken, Duration lifetime) {
		add(response, cookie(request, MFA, mfaToken, lifetime));
	}

	static void clearMfa(HttpServletRequest request, HttpServletResponse response) {
		add(response, cookie(request, MFA, "", Duration.ZERO));
	}

	static Optional<String> read(HttpServletRequest request, String name) {
		Cookie[] cookies = request.getCookies();
		if (cookies == null) {
			return Optional.empty();
		}
		for (Cookie cookie : cookies) {
			if (cookie.getName().equals(name) && !cookie.getValue().isBlank()) {
				return Optional.of(cookie.getValue());
			}
		}
		return Optional.empty();
	}

	private static ResponseCookie cookie(HttpServletRequest request, String name, String value,
			@Nullable Duration maxAge) {
		ResponseCookie.ResponseCookieBuilder builder = ResponseCookie.from(name, value)
			.httpOnly(true)
			.secure(request.isSecure() || isLoopback(request.getServerName()))
			.sameSite("Lax")
			.path("/");
		if (maxAge != null) {
			builder.maxAge(maxAge);
		}
		return builder.build();
	}

	private static boolean isLoopback(String host) {
		return "localhost".equals(host) || host.startsWith("127.") || "[::1]".equals(host) || "::1".equals(host);
	}

	private static void add(HttpServletResponse response, ResponseCookie cookie) {
		response.addHeader(HttpHeaders.SET_COOKIE, cookie.toString());
	}

}
