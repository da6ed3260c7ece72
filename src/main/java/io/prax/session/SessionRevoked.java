package io.prax.session;

import io.prax.identity.UserId;
import io.prax.tenancy.TenantId;
import org.jspecify.annotations.Nullable;

/**
 * A live session was ended: {@code reason} is {@code logout},
 * {@code refresh_token_reuse}, {@code password_changed}, {@code revoked_by_user},
 * {@code revoked_by_admin}, {@code idle_timeout}, {@code user_inactive};
 * {@code revokedBy} is the acting user when someone ended it. Published inside the
 * revoking transaction.
 */
public record SessionRevoked(TenantId tenantId, SessionId sessionId, UserId userId, String reason,
		@Nullable UserId revokedBy) {
}
