package io.prax.platform;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The filter that turns a request's token (bearer header or session cookie) into an
 * authenticated user. The session module provides it; the security configuration places
 * it in the chain.
 */
public abstract class RequestAuthenticationFilter extends OncePerRequestFilter {

	/**
	 * Request attribute naming why a presented token was refused (e.g.
	 * {@code session_revoked}).
	 */
	public static final String REJECTION = RequestAuthenticationFilter.class.getName() + ".rejection";

	/**
	 * Request attribute identifying the authenticated caller for per-client limits (never
	 * a secret).
	 */
	public static final String CLIENT_KEY = RequestAuthenticationFilter.class.getName() + ".client";

}
