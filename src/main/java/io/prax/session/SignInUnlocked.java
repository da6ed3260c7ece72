package io.prax.session;

import io.prax.identity.UserId;
import io.prax.tenancy.TenantId;

/**
 * An administrator lifted the sign-in lockout of a user; {@code wasLocked} says whether
 * any failures or lock were cleared. Published inside the unlocking transaction.
 */
public record SignInUnlocked(TenantId tenantId, UserId userId, UserId unlockedBy, boolean wasLocked) {
}
