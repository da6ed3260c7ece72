package io.prax.platform;

import java.io.IOException;
import java.security.SecureRandom;
import java.util.Base64;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A strict Content-Security-Policy with a fresh nonce per response: only scripts and
 * styles from Prax itself, or carrying the nonce, run; no inline handlers, no framing.
 * Templates put the nonce (request attribute {@value #NONCE_ATTRIBUTE}) on their
 * {@code <script>} and {@code <style>} tags.
 */
class ContentSecurityPolicyFilter extends OncePerRequestFilter {

	static final String NONCE_ATTRIBUTE = "cspNonce";

	private static final SecureRandom RANDOM = new SecureRandom();

	static String policy(String nonce) {
		return "default-src 'self'; script-src 'self' 'nonce-" + nonce + "'; style-src 'self' 'nonce-" + nonce + "'; "
				+ "img-src 'self' data:; font-src 'self'; connect-src 'self'; form-action 'self'; base-uri 'none'; "
				+ "object-src 'none'; frame-ancestors 'none'";
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		byte[] bytes = new byte[18];
		RANDOM.nextBytes(bytes);
		String nonce = Base64.getEncoder().encodeToString(bytes);
		request.setAttribute(NONCE_ATTRIBUTE, nonce);
		response.setHeader("Content-Security-Policy", policy(nonce));
		chain.doFilter(request, response);
	}

}
