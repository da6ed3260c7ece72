package io.prax.session;

import java.time.Clock;
import java.time.Instant;

import io.prax.identity.UserAccount;
import io.prax.platform.Digests;
import io.prax.platform.SecretFiles;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Opens a session and hands out its tokens, and rotates them at a refresh; inside the
 * caller's transaction and tenant.
 */
@Component
class SessionIssuer {

	private final UserSessions sessions;

	private final RefreshTokens refreshTokens;

	private final AccessTokens accessTokens;

	private final SessionSettingsRepository settings;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	SessionIssuer(UserSessions sessions, RefreshTokens refreshTokens, AccessTokens accessTokens,
			SessionSettingsRepository settings, ApplicationEventPublisher events, Clock clock) {
		this.sessions = sessions;
		this.refreshTokens = refreshTokens;
		this.accessTokens = accessTokens;
		this.settings = settings;
		this.events = events;
		this.clock = clock;
	}

	/** A new session for a user who passed every factor; audited as a sign-in. */
	IssuedTokens open(UserAccount user, boolean rememberMe, ClientInfo client) {
		Instant now = Instant.now(clock);
		UserSession session = sessions.save(new UserSession(user.id().value(), client.ip(), client.userAgent(),
				rememberMe, now, now.plus(settings.current().lifetime(rememberMe))));
		IssuedTokens tokens = rotate(session, user, now);
		events.publishEvent(
				new SignedIn(user.tenantId(), user.id(), tokens.sessionId(), client.ip(), client.userAgent()));
		return tokens;
	}

	/** A new refresh token and access token for the session, up to its end. */
	IssuedTokens rotate(UserSession session, UserAccount user, Instant now) {
		String refreshToken = user.tenantId() + "." + SecretFiles.randomToken(32);
		Instant expiresAt = session.expiresAt();
		refreshTokens.save(new RefreshToken(Digests.sha256Hex(refreshToken), session.id(), now, expiresAt));
		SessionId id = new SessionId(session.id());
		String accessToken = accessTokens.issue(user.id().value(), user.tenantId(), id);
		return new IssuedTokens(accessToken, refreshToken, AccessTokens.LIFETIME.toSeconds(), id, expiresAt,
				session.rememberMe());
	}

}
