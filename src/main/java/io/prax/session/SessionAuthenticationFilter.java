package io.prax.session;

import org.jspecify.annotations.Nullable;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.prax.identity.CurrentUser;
import io.prax.platform.ProblemException;
import io.prax.platform.RequestAuthenticationFilter;
import io.prax.tenancy.TenantContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Authenticates each request from its bearer token or session cookie, checking that the
 * session is still live, and binds the caller's tenant for the rest of the request. A
 * browser whose access cookie expired is refreshed silently with its refresh cookie.
 */
@Component
class SessionAuthenticationFilter extends RequestAuthenticationFilter {

	private final AccessTokens accessTokens;

	private final AccessTokenAuthentication authentication;

	private final MfaEnrolmentAtSignIn enrolment;

	private final TokenRefresh tokenRefresh;

	private final Clock clock;

	SessionAuthenticationFilter(AccessTokens accessTokens, AccessTokenAuthentication authentication,
			MfaEnrolmentAtSignIn enrolment, TokenRefresh tokenRefresh, Clock clock) {
		this.accessTokens = accessTokens;
		this.authentication = authentication;
		this.enrolment = enrolment;
		this.tokenRefresh = tokenRefresh;
		this.clock = clock;
	}

	/** What the {@code mfaToken} of a sign-in that must enrol first opens. */
	static final java.util.Set<String> ENROLMENT_PATHS = java.util.Set.of("/api/v1/me/mfa/totp",
			"/api/v1/me/mfa/totp/confirm");

	private static String pathOf(HttpServletRequest request) {
		return request.getRequestURI().substring(request.getContextPath().length());
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return path.startsWith("/css/") || path.startsWith("/js/") || path.startsWith("/webjars/")
				|| path.startsWith("/img/") || path.equals("/favicon.ico");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String bearer = bearerToken(request);
		CurrentUser user = null;
		String token = bearer != null ? bearer : SessionCookies.read(request, SessionCookies.ACCESS).orElse(null);
		if (token != null) {
			try {
				user = authentication.authenticate(accessTokens.verify(token), ClientInfo.of(request));
			}
			catch (AccessTokens.Rejected rejected) {
				request.setAttribute(REJECTION, rejected.code());
				// A sign-in that must enrol MFA first reaches the two enrolment
				// endpoints, and nothing else.
				if (bearer != null && ENROLMENT_PATHS.contains(pathOf(request)) && "POST".equals(request.getMethod())) {
					user = enrolment.enrolmentCaller(bearer).orElse(null);
					if (user != null) {
						request.removeAttribute(REJECTION);
					}
				}
			}
		}
		if (user == null && bearer == null) {
			user = refreshBrowserSession(request, response);
		}
		try {
			if (user != null) {
				TenantContext.bind(user.tenantId());
				request.setAttribute(CLIENT_KEY, "user:" + user.id());
				var authentication = new UsernamePasswordAuthenticationToken(user, null,
						List.of(new SimpleGrantedAuthority("TIER_" + user.tier())));
				var context = SecurityContextHolder.createEmptyContext();
				context.setAuthentication(authentication);
				SecurityContextHolder.setContext(context);
			}
			chain.doFilter(request, response);
		}
		finally {
			TenantContext.clear();
			SecurityContextHolder.clearContext();
		}
	}

	private @Nullable CurrentUser refreshBrowserSession(HttpServletRequest request, HttpServletResponse response) {
		String refreshToken = SessionCookies.read(request, SessionCookies.REFRESH).orElse(null);
		if (refreshToken == null) {
			return null;
		}
		try {
			IssuedTokens tokens = tokenRefresh.refresh(refreshToken, ClientInfo.of(request), true);
			SessionCookies.write(request, response, tokens, Instant.now(clock));
			request.removeAttribute(REJECTION);
			return authentication.authenticate(accessTokens.verify(tokens.accessToken()));
		}
		catch (ProblemException ex) {
			if (!TokenRefresh.RACED.equals(ex.code())) {
				SessionCookies.clear(request, response);
			}
			return null;
		}
		catch (AccessTokens.Rejected ex) {
			SessionCookies.clear(request, response);
			return null;
		}
	}

	private static @Nullable String bearerToken(HttpServletRequest request) {
		String header = request.getHeader("Authorization");
		if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
			String token = header.substring(7).strip();
			return token.isEmpty() ? null : token;
		}
		return null;
	}

}
