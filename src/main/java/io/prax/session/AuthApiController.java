package io.prax.session;

import static io.prax.platform.Validation.checked;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import io.prax.identity.CurrentUser;
import io.prax.identity.PasswordLinks;
import io.prax.platform.ProblemException;
import io.prax.platform.PublicEndpoint;
import org.jspecify.annotations.Nullable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Authentication", description = "Sign-in, tokens and password reset")
@RestController
@RequestMapping("/api/v1/auth")
class AuthApiController {

	private final PasswordSignIn passwordSignIn;

	private final MfaSignIn mfaSignIn;

	private final TokenRefresh tokenRefresh;

	private final StepUpAuthentication stepUp;

	private final SessionRevocation revocation;

	private final AccountRecovery recovery;

	private final PasswordLinks identity;

	AuthApiController(PasswordSignIn passwordSignIn, MfaSignIn mfaSignIn, TokenRefresh tokenRefresh,
			StepUpAuthentication stepUp, SessionRevocation revocation, AccountRecovery recovery,
			PasswordLinks identity) {
		this.passwordSignIn = passwordSignIn;
		this.mfaSignIn = mfaSignIn;
		this.tokenRefresh = tokenRefresh;
		this.stepUp = stepUp;
		this.revocation = revocation;
		this.recovery = recovery;
		this.identity = identity;
	}

	record LoginRequest(@Nullable String tenant, @Nullable String email, @Nullable String password,
			@Nullable Boolean rememberMe) {
	}

	/** What a password sign-in answers: tokens, or the challenge for a second factor. */
	sealed interface LoginAnswer permits TokenResponse, MfaChallengeResponse {

	}

	record TokenResponse(String accessToken, String refreshToken, long expiresIn,
			String sessionId) implements LoginAnswer {

		static TokenResponse of(IssuedTokens tokens) {
			return new TokenResponse(tokens.accessToken(), tokens.refreshToken(), tokens.expiresIn(),
					tokens.sessionId().toString());
		}
	}

	record RefreshRequest(@Nullable String refreshToken) {
	}

	/** The password was right; the second factor (or its enrolment) comes next. */
	record MfaChallengeResponse(boolean mfaRequired, String mfaToken,
			boolean enrolmentRequired) implements LoginAnswer {
	}

	record MfaRequest(@Nullable String mfaToken, @Nullable String code) {
	}

	record Reauthentication(@Nullable String password, @Nullable String code) {
	}

	record PasswordResetRequest(@Nullable String tenant, @Nullable String email) {
	}

	record PasswordResetConfirmation(@Nullable String token, @Nullable String newPassword) {
	}

	record SignInMethods(List<String> methods, boolean passwordAllowed, @Nullable Object saml, @Nullable Object oidc) {
	}

	/**
	 * Which sign-in methods a workspace offers. Single sign-on is not available yet, so
	 * every workspace offers the password; unknown workspaces get the same answer, so
	 * this reveals no workspace names.
	 */
	@Operation(summary = "List the sign-in methods a workspace offers")
	@GetMapping("/sso/{tenant}")
	@PublicEndpoint("which sign-in methods a workspace offers, asked before sign-in")
	SignInMethods signInMethods(@PathVariable String tenant) {
		return new SignInMethods(List.of("password"), true, null, null);
	}

	@Operation(summary = "Sign in with a password and get tokens")
	@PostMapping("/login")
	@PublicEndpoint("sign-in")
	LoginAnswer login(@RequestBody LoginRequest body, HttpServletRequest request) {
		if (blank(body.tenant()) || blank(body.email()) || blank(body.password())) {
			throw new ProblemException(HttpStatus.UNAUTHORIZED, "invalid_credentials",
					"The workspace, email or password is not correct");
		}
		SignInOutcome outcome = passwordSignIn.begin(checked(body.tenant()), checked(body.email()),
				checked(body.password()), Boolean.TRUE.equals(body.rememberMe()), ClientInfo.of(request));
		if (outcome instanceof SignInOutcome.MfaPending pending) {
			return new MfaChallengeResponse(true, pending.mfaToken(), pending.enrolmentRequired());
		}
		return TokenResponse.of(((SignInOutcome.Signed) outcome).tokens());
	}

	/**
	 * The second step of a sign-in: a TOTP code or a backup code with the
	 * {@code mfaToken} of the first.
	 */
	@Operation(summary = "Complete a sign-in with a TOTP or backup code and the mfaToken")
	@PostMapping("/mfa")
	@PublicEndpoint("second step of sign-in: the mfaToken and code are the credential")
	TokenResponse mfa(@RequestBody MfaRequest body, HttpServletRequest request) {
		return TokenResponse.of(mfaSignIn.completeMfa(body.mfaToken(), body.code(), ClientInfo.of(request)));
	}

	@Operation(summary = "Exchange a refresh token for new tokens (the old one is spent)")
	@PostMapping("/refresh")
	@PublicEndpoint("the refresh token is the credential")
	TokenResponse refresh(@RequestBody RefreshRequest body, HttpServletRequest request) {
		return TokenResponse.of(tokenRefresh.refresh(checked(body.refreshToken()), ClientInfo.of(request), false));
	}

	@Operation(summary = "Prove the password (and TOTP code) again for sensitive actions")
	/** A fresh proof for sensitive actions of this session (10 minutes); 204. */
	@PostMapping("/reauthenticate")
	@io.prax.platform.SignedInOnly("one's own session proves the password again")
	ResponseEntity<Void> reauthenticate(@RequestBody Reauthentication body) {
		stepUp.reauthenticate(body.password(), body.code());
		return ResponseEntity.noContent().build();
	}

	@Operation(summary = "Sign out: end the caller's session")
	@PostMapping("/logout")
	@PublicEndpoint("ends the caller's session, if any")
	ResponseEntity<Void> logout() {
		CurrentUser user = CurrentUser.require();
		revocation.revoke(new SessionId(user.sessionId()), "logout", user.id());
		return ResponseEntity.noContent().build();
	}

	/** Always 202, whether or not the workspace and user exist. */
	@Operation(summary = "Request a password-reset mail (same answer for every address)")
	@PostMapping("/password-reset")
	@PublicEndpoint("forgotten password: answers the same for every address")
	ResponseEntity<Void> passwordReset(@RequestBody PasswordResetRequest body, HttpServletRequest request) {
		recovery.requestPasswordReset(body.tenant(), body.email(), ClientInfo.of(request));
		return ResponseEntity.accepted().build();
	}

	@Operation(summary = "Set a new password with a one-time reset token")
	@PostMapping("/password-reset/confirm")
	@PublicEndpoint("the one-time reset token is the credential")
	ResponseEntity<Void> confirm(@RequestBody PasswordResetConfirmation body) {
		identity.setPasswordWithToken(checked(body.token()), body.newPassword() == null ? "" : body.newPassword());
		return ResponseEntity.noContent().build();
	}

	private static boolean blank(@Nullable String value) {
		return value == null || value.isBlank();
	}

}
