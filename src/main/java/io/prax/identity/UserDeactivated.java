package io.prax.identity;

import io.prax.tenancy.TenantId;

/**
 * A user can no longer sign in; their sessions must end. Published inside the
 * deactivating transaction.
 */
public record UserDeactivated(TenantId tenantId, UserId userId) {
}
