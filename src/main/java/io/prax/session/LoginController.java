package io.prax.session;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.prax.identity.CurrentUser;
import io.prax.platform.PraxProperties;
import io.prax.platform.ProblemException;
import io.prax.platform.PublicEndpoint;
import io.prax.identity.PasswordHashing;
import io.prax.platform.RetryLater;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
class LoginController {

	private final SessionManagement sessions;
	private final PraxProperties properties;
	private final Clock clock;

	LoginController(SessionManagement sessions, PraxProperties properties, Clock clock) {
		this.sessions = sessions;
		this.properties = properties;
		this.clock = clock;
	}

	record LoginForm(String tenant, String email, boolean rememberMe, @Nullable String next) {
	}

	@GetMapping("/login")
	@PublicEndpoint("sign-in page")
	String form(@RequestParam(required = false) @Nullable String next, HttpServletRequest request, Model model) {
		if (CurrentUser.current().isPresent()) {
			return "redirect:" + safeNext(next);
		}
		String info = null;
		if (request.getParameter("signedOut") != null) {
			info = "You have been signed out.";
		}
		else if (request.getParameter("expired") != null) {
			info = "Your form expired. Please sign in again.";
		}
		else if (request.getParameter("passwordSet") != null) {
			info = "Your password is set. Sign in with it now.";
		}
		return page(model, new LoginForm("", "", false, next), null, info);
	}

	@PostMapping("/login")
	@PublicEndpoint("sign-in")
	String signIn(@RequestParam(defaultValue = "") String tenant, @RequestParam(defaultValue = "") String email,
			@RequestParam(defaultValue = "") String password, @RequestParam(defaultValue = "false") boolean rememberMe,
			@RequestParam(required = false) @Nullable String next, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		LoginForm form = new LoginForm(tenant.strip(), email.strip(), rememberMe, next);
		if (tenant.isBlank() || email.isBlank() || password.isEmpty()) {
			return page(model, form, "Enter your workspace, email and password.", null);
		}
		try {
			IssuedTokens tokens = sessions.signIn(tenant, email, password, rememberMe, ClientInfo.of(request));
			SessionCookies.write(request, response, tokens, Instant.now(clock));
			return "redirect:" + safeNext(next);
		}
		catch (RetryLater ex) {
			response.setStatus(ex.status().value());
			response.setHeader("Retry-After", Long.toString(ex.retryAfterSeconds()));
			return page(model, form, switch (ex.code()) {
				case SessionManagement.TOO_MANY_ATTEMPTS -> "Too many failed sign-ins for this account. Try again "
						+ when(ex.retryAfterSeconds()) + ", or ask your administrator to unlock it.";
				case PasswordHashing.BUSY -> "Prax is very busy right now. Try again in a moment.";
				default -> "Too many failed sign-ins from your network. Try again " + when(ex.retryAfterSeconds()) + ".";
			}, null);
		}
		catch (ProblemException ex) {
			if (ex.status() == HttpStatus.BAD_REQUEST) {
				response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
				return page(model, new LoginForm("", "", rememberMe, next),
						"The workspace, email or password is too long.", null);
			}
			response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
			return page(model, form, "The workspace, email or password is not correct.", null);
		}
	}

	/** "in 15 minutes (at 09:42 UTC)": when a refusal ends. */
	private String when(long retryAfterSeconds) {
		long minutes = Math.max(1, (retryAfterSeconds + 59) / 60);
		String at = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneOffset.UTC)
			.format(Instant.now(clock).plusSeconds(retryAfterSeconds));
		return "in " + minutes + (minutes == 1 ? " minute" : " minutes") + " (at " + at + " UTC)";
	}

	@GetMapping("/password/forgot")
	@PublicEndpoint("forgotten password page")
	String forgotForm(Model model) {
		model.addAttribute("sent", false);
		return "auth/password-forgot";
	}

	/** Answers the same whether or not the workspace and account exist. */
	@PostMapping("/password/forgot")
	@PublicEndpoint("forgotten password: answers the same for every address")
	String forgot(@RequestParam(defaultValue = "") String tenant, @RequestParam(defaultValue = "") String email,
			HttpServletRequest request, Model model) {
		sessions.requestPasswordReset(tenant.strip(), email.strip(), ClientInfo.of(request));
		model.addAttribute("sent", true);
		return "auth/password-forgot";
	}

	@PostMapping("/logout")
	@PublicEndpoint("ends the caller's session, if any")
	String signOut(HttpServletRequest request, HttpServletResponse response) {
		CurrentUser.current().ifPresent(user -> sessions.revoke(new SessionId(user.sessionId()), "logout", user.id()));
		SessionCookies.clear(request, response);
		return "redirect:/login?signedOut";
	}

	private String page(Model model, LoginForm form, @Nullable String error, @Nullable String info) {
		model.addAttribute("form", form);
		model.addAttribute("error", error);
		model.addAttribute("info", info);
		model.addAttribute("signupEnabled", properties.signupEnabled());
		return "auth/login";
	}

	/** Only a path on this site, never another origin (no open redirect). */
	static String safeNext(@Nullable String next) {
		if (next == null || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")) {
			return "/";
		}
		return next;
	}
}
