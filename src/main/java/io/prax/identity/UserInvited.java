package io.prax.identity;

import io.prax.tenancy.TenantId;

/** An administrator invited a user; published inside the inviting transaction. */
public record UserInvited(TenantId tenantId, UserId userId, String email, Tier tier) {
}
