package io.prax.identity;

import java.util.List;
import java.util.UUID;

import io.prax.tenancy.TenantId;
import org.jspecify.annotations.Nullable;

/** A user as other modules see it: never with a password hash. */
public record UserAccount(UserId id, TenantId tenantId, String email, String name, Tier tier, List<String> roles,
		@Nullable UUID customerId, UserStatus status, long version) {
}
