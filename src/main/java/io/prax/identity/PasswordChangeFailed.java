package io.prax.identity;

import io.prax.tenancy.TenantId;

/**
 * A signed-in user's password change was refused before any change: {@code reason} is
 * {@code wrong_current_password} or {@code too_many_attempts}. Published outside any
 * transaction, so a listener must write in its own.
 */
public record PasswordChangeFailed(TenantId tenantId, UserId userId, String reason) {
}
