package io.prax.identity;

import io.prax.tenancy.TenantId;

/**
 * A password reset link was mailed to a user (asked by the user, or by an administrator);
 * published inside that transaction.
 */
public record PasswordResetRequested(TenantId tenantId, UserId userId) {
}
