package io.prax.session;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.util.Optional;

import io.prax.identity.CurrentUser;
import io.prax.identity.MfaManagement;
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

	private final PasswordSignIn passwordSignIn;

	private final MfaSignIn mfaSignIn;

	private final MfaEnrolmentAtSignIn enrolment;

	private final SessionRevocation revocation;

	private final AccountRecovery recovery;

	private final PraxProperties properties;

	private final Clock clock;

	LoginController(PasswordSignIn passwordSignIn, MfaSignIn mfaSignIn, MfaEnrolmentAtSignIn enrolment,
			SessionRevocation revocation, AccountRecovery recovery, PraxProperties properties, Clock clock) {
		this.passwordSignIn = passwordSignIn;
		this.mfaSignIn = mfaSignIn;
		this.enrolment = enrolment;
		this.revocation = revocation;
		this.recovery = recovery;
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
			SignInOutcome outcome = passwordSignIn.begin(tenant, email, password, rememberMe, ClientInfo.of(request));
			if (outcome instanceof SignInOutcome.MfaPending pending) {
				// The password was right; "remember me" and where to go next wait in the
				// challenge and the form.
				SessionCookies.writeMfa(request, response, pending.mfaToken(), MfaChallenge.TOKEN_LIFETIME);
				return "redirect:" + (pending.enrolmentRequired() ? "/login/mfa/enrol" : "/login/mfa")
						+ (next == null ? "" : "?next="
								+ java.net.URLEncoder.encode(safeNext(next), java.nio.charset.StandardCharsets.UTF_8));
			}
			IssuedTokens tokens = ((SignInOutcome.Signed) outcome).tokens();
			SessionCookies.write(request, response, tokens, Instant.now(clock));
			return "redirect:" + safeNext(next);
		}
		catch (RetryLater ex) {
			response.setStatus(ex.status().value());
			response.setHeader("Retry-After", Long.toString(ex.retryAfterSeconds()));
			return page(model, form, switch (ex.code()) {
				case SignInThrottle.TOO_MANY_ATTEMPTS -> "Too many failed sign-ins for this account. Try again "
						+ when(ex.retryAfterSeconds()) + ", or ask your administrator to unlock it.";
				case PasswordHashing.BUSY -> "Prax is very busy right now. Try again in a moment.";
				default ->
					"Too many failed sign-ins from your network. Try again " + when(ex.retryAfterSeconds()) + ".";
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

	/**
	 * The second step of a sign-in: a code from the authenticator app, or a backup code.
	 */
	@GetMapping("/login/mfa")
	@PublicEndpoint("second step of sign-in; the mfa cookie is the credential")
	String mfaForm(@RequestParam(required = false) @Nullable String next, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		Optional<Boolean> pending = mfaSignIn
			.pendingEnrolment(SessionCookies.read(request, SessionCookies.MFA).orElse(null));
		if (pending.isEmpty()) {
			return "redirect:/login?expired";
		}
		if (pending.get()) {
			return "redirect:/login/mfa/enrol";
		}
		return mfaPage(model, next, null);
	}

	@PostMapping("/login/mfa")
	@PublicEndpoint("second step of sign-in; the mfa cookie is the credential")
	String mfa(@RequestParam(defaultValue = "") String code, @RequestParam(required = false) @Nullable String next,
			HttpServletRequest request, HttpServletResponse response, Model model) {
		try {
			IssuedTokens tokens = mfaSignIn.completeMfa(SessionCookies.read(request, SessionCookies.MFA).orElse(null),
					code, ClientInfo.of(request));
			SessionCookies.clearMfa(request, response);
			SessionCookies.write(request, response, tokens, Instant.now(clock));
			return "redirect:" + safeNext(next);
		}
		catch (RetryLater ex) {
			response.setStatus(ex.status().value());
			response.setHeader("Retry-After", Long.toString(ex.retryAfterSeconds()));
			return mfaPage(model, next, "Too many failed sign-ins for this account. Try again "
					+ when(ex.retryAfterSeconds()) + ", or ask your administrator to unlock it.");
		}
		catch (ProblemException ex) {
			if ("invalid_mfa_token".equals(ex.code())) {
				SessionCookies.clearMfa(request, response);
				return "redirect:/login?expired";
			}
			response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
			return mfaPage(model, next, "The code is not correct or was already used. Try the next code.");
		}
	}

	/** A sign-in that must set up two-factor authentication before anything else. */
	@GetMapping("/login/mfa/enrol")
	@PublicEndpoint("MFA enrolment during sign-in; the mfa cookie is the credential")
	String enrolForm(@RequestParam(required = false) @Nullable String next, HttpServletRequest request, Model model) {
		try {
			MfaManagement.TotpEnrolment started = enrolment
				.startEnrolment(SessionCookies.read(request, SessionCookies.MFA).orElse(null));
			return enrolPage(model, started, next, null);
		}
		catch (ProblemException ex) {
			return "redirect:/login?expired";
		}
	}

	@PostMapping("/login/mfa/enrol")
	@PublicEndpoint("MFA enrolment during sign-in; the mfa cookie is the credential")
	String enrol(@RequestParam(defaultValue = "") String code, @RequestParam(required = false) @Nullable String next,
			HttpServletRequest request, HttpServletResponse response, Model model) {
		String token = SessionCookies.read(request, SessionCookies.MFA).orElse(null);
		try {
			MfaEnrolmentAtSignIn.Enrolled enrolled = enrolment.confirmEnrolment(token, code, ClientInfo.of(request));
			SessionCookies.clearMfa(request, response);
			SessionCookies.write(request, response, enrolled.tokens(), Instant.now(clock));
			model.addAttribute("backupCodes", enrolled.backupCodes());
			model.addAttribute("next", safeNext(next));
			return "auth/mfa-backup-codes";
		}
		catch (ProblemException ex) {
			if (MfaManagement.INVALID_CODE.equals(ex.code())) {
				// A new secret: the page shows it again, so the user scans the one that
				// will be checked.
				response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
				try {
					return enrolPage(model, enrolment.startEnrolment(token), next,
							"The code is not correct. Scan this new code and enter the code your app shows.");
				}
				catch (ProblemException expired) {
					return "redirect:/login?expired";
				}
			}
			SessionCookies.clearMfa(request, response);
			return "redirect:/login?expired";
		}
	}

	private String mfaPage(Model model, @Nullable String next, @Nullable String error) {
		model.addAttribute("next", next);
		model.addAttribute("error", error);
		return "auth/mfa";
	}

	private String enrolPage(Model model, MfaManagement.TotpEnrolment enrolment, @Nullable String next,
			@Nullable String error) {
		model.addAttribute("enrolment", enrolment);
		model.addAttribute("next", next);
		model.addAttribute("error", error);
		return "auth/mfa-enrol";
	}

	/** "in 15 minutes (at 09:42 UTC)": when a refusal ends. */
	private String when(long retryAfterSeconds) {
		long minutes = Math.max(1, (retryAfterSeconds + 59) / 60);
		String at = DateTimeFormatter.ofPattern("HH:mm")
			.withZone(ZoneOffset.UTC)
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
		recovery.requestPasswordReset(tenant.strip(), email.strip(), ClientInfo.of(request));
		model.addAttribute("sent", true);
		return "auth/password-forgot";
	}

	@PostMapping("/logout")
	@PublicEndpoint("ends the caller's session, if any")
	String signOut(HttpServletRequest request, HttpServletResponse response) {
		CurrentUser.current()
			.ifPresent(user -> revocation.revoke(new SessionId(user.sessionId()), "logout", user.id()));
		SessionCookies.clear(request, response);
		SessionCookies.clearMfa(request, response);
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
