package io.prax.session;

import io.prax.identity.UserId;
import io.prax.tenancy.TenantId;
import org.jspecify.annotations.Nullable;

/**
 * A user signed in with a password and a session was opened. Published inside the sign-in
 * transaction.
 */
public record SignedIn(TenantId tenantId, UserId userId, SessionId sessionId, @Nullable String ip,
		@Nullable String userAgent) {
}
