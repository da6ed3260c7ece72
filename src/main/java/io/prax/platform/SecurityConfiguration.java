package io.prax.platform;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.CorsFilter;

/**
 * One filter chain for pages and API: stateless (no server-side HTTP session),
 * authenticated by the session module's token filter, CSRF-protected whenever the
 * browser's cookies carry the session.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
class SecurityConfiguration {

	/**
	 * Bearer-token calls carry no ambient credentials, so cross-site request forgery
	 * cannot apply.
	 */
	private static final RequestMatcher BEARER = request -> {
		String header = request.getHeader("Authorization");
		return header != null && header.regionMatches(true, 0, "Bearer ", 0, 7);
	};

	/**
	 * An API call without the session cookies carries no ambient credentials either
	 * (login, refresh, sign-up).
	 */
	private static final RequestMatcher API_WITHOUT_SESSION_COOKIE = request -> {
		if (!Problems.isApi(request)) {
			return false;
		}
		jakarta.servlet.http.Cookie[] cookies = request.getCookies();
		if (cookies != null) {
			for (jakarta.servlet.http.Cookie cookie : cookies) {
				if (cookie.getName().startsWith("prax_")) {
					return false;
				}
			}
		}
		return true;
	};

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http, RequestAuthenticationFilter authentication,
			RateLimitFilter rateLimits) throws Exception {
		CookieCsrfTokenRepository csrfTokens = new CookieCsrfTokenRepository();
		csrfTokens.setCookieCustomizer(cookie -> cookie.sameSite("Lax"));
		// Stateless: no HTTP session, the security context lives only for the request.
		// Session management
		// is off because the token filter authenticates every request, and Spring
		// Security would
		// otherwise take each request for a fresh login and rotate the CSRF token on
		// every page.
		http.sessionManagement(s -> s.disable())
			.securityContext(
					context -> context.securityContextRepository(new RequestAttributeSecurityContextRepository()))
			.requestCache(cache -> cache.disable())
			.formLogin(form -> form.disable())
			.httpBasic(basic -> basic.disable())
			.logout(logout -> logout.disable())
			.csrf(csrf -> csrf.csrfTokenRepository(csrfTokens)
				.ignoringRequestMatchers(BEARER, API_WITHOUT_SESSION_COOKIE))
			.cors(Customizer.withDefaults())
			// The Content-Security-Policy, with a nonce per response, comes from
			// ContentSecurityPolicyFilter.
			// HSTS is Spring Security's default and is sent only over HTTPS.
			.headers(headers -> headers.frameOptions(frame -> frame.deny())
				.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
				.permissionsPolicyHeader(p -> p.policy("camera=(), microphone=(), geolocation=(), payment=()")))
			// The API's rules come first: an API call is decided by three patterns
			// rather than after every page pattern (the matchers run on each request).
			.authorizeHttpRequests(auth -> auth.requestMatchers("/api/v1/auth/**", "/api/v1/signup")
				.permitAll()
				.requestMatchers("/api/**")
				.authenticated()
				.requestMatchers("/login", "/login/mfa", "/login/mfa/enrol", "/logout", "/setup", "/signup",
						"/password/set", "/password/forgot", "/error", "/css/**", "/js/**", "/img/**", "/webjars/**",
						"/favicon.ico", "/.well-known/**", "/actuator/health", "/actuator/health/**", "/v3/api-docs",
						"/v3/api-docs/**")
				.permitAll()
				.anyRequest()
				.authenticated())
			// The caller is known before the CSRF check and the authorization, so the
			// rate limits, which
			// need the caller, count the requests those refuse as well.
			.addFilterAfter(authentication, CorsFilter.class)
			.addFilterBefore(rateLimits, CsrfFilter.class)
			.exceptionHandling(ex -> ex.authenticationEntryPoint((request, response, failure) -> {
				if (Problems.isApi(request)) {
					Object rejection = request.getAttribute(RequestAuthenticationFilter.REJECTION);
					String code = rejection != null ? rejection.toString() : "authentication_required";
					Problems.write(request, response, HttpStatus.UNAUTHORIZED, code, unauthorizedDetail(code));
				}
				else {
					response.sendRedirect(request.getContextPath() + "/login?next=" + nextOf(request));
				}
			}).accessDeniedHandler((request, response, denied) -> {
				boolean csrf = denied instanceof CsrfException;
				if (Problems.isApi(request)) {
					Problems.write(request, response, HttpStatus.FORBIDDEN, csrf ? "csrf_invalid" : "forbidden",
							csrf ? "The form expired or did not come from Prax; reload the page and try again"
									: "You do not have permission to do this");
				}
				else if (csrf) {
					response.sendRedirect(request.getContextPath() + "/login?expired");
				}
				else {
					response.sendError(HttpStatus.FORBIDDEN.value());
				}
			}));
		return http.build();
	}

	/**
	 * No observation (a timer and a span) around each of the chain's filters: measured as
	 * a large part of the secured request's cost (docs/performance.md); the request as a
	 * whole is still observed as {@code http.server.requests}.
	 */
	@Bean
	SecurityObservationSettings securityObservationSettings() {
		return SecurityObservationSettings.noObservations();
	}

	/**
	 * The token filter and the rate limits run inside the security chain only, not a
	 * second time as servlet filters.
	 */
	@Bean
	FilterRegistrationBean<RequestAuthenticationFilter> authenticationFilterRegistration(
			RequestAuthenticationFilter filter) {
		FilterRegistrationBean<RequestAuthenticationFilter> registration = new FilterRegistrationBean<>(filter);
		registration.setEnabled(false);
		return registration;
	}

	@Bean
	FilterRegistrationBean<RateLimitFilter> rateLimitFilterRegistration(RateLimitFilter filter) {
		FilterRegistrationBean<RateLimitFilter> registration = new FilterRegistrationBean<>(filter);
		registration.setEnabled(false);
		return registration;
	}

	private static String unauthorizedDetail(String code) {
		return switch (code) {
			case "session_revoked" -> "This session has been signed out; sign in again";
			case "token_expired" -> "The access token has expired; refresh it or sign in again";
			case "invalid_token" -> "The access token is not valid";
			default -> "Sign in to use this resource";
		};
	}

	private static String nextOf(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		if (request.getQueryString() != null) {
			path += "?" + request.getQueryString();
		}
		return URLEncoder.encode(path, StandardCharsets.UTF_8);
	}

}
