package io.prax.identity;

import java.util.UUID;

import io.prax.tenancy.TenantId;
import org.jspecify.annotations.Nullable;

/**
 * A user's password was set, changed or reset. Sessions other than {@code keepSessionId}
 * must end.
 */
public record PasswordChanged(TenantId tenantId, UserId userId, @Nullable UUID keepSessionId) {
}
