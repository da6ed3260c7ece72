package io.prax.session;

import java.time.Instant;

import io.prax.identity.UserId;
import org.jspecify.annotations.Nullable;

/** A live session as its owner or an administrator sees it. */
public record ActiveSession(SessionId id, UserId userId, String userName, String userEmail, String device,
		String browser, String os, @Nullable String ip, Instant createdAt, Instant lastSeenAt, Instant expiresAt,
		boolean rememberMe, boolean current) {
}
