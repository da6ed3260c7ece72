package io.prax.session;

import java.time.Instant;

/** What a successful sign-in or refresh hands out. */
public record IssuedTokens(String accessToken, String refreshToken, long expiresIn, SessionId sessionId,
		Instant refreshExpiresAt, boolean rememberMe) {
}
