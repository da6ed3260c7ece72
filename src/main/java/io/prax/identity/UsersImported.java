package io.prax.identity;

import java.util.List;

import io.prax.tenancy.TenantId;

/**
 * An administrator imported users (never with their hashes); published inside the
 * importing transaction.
 */
public record UsersImported(TenantId tenantId, List<UserId> userIds, int withPassword, int invited) {
}
