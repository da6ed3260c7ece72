package io.prax.identity;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.prax.platform.ProblemException;
import io.prax.tenancy.TenantId;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The authenticated caller of the current request: user, tenant, session and tier.
 * Feature code asks this, never the security context.
 */
public record CurrentUser(UserId id, TenantId tenantId, UUID sessionId, Tier tier, List<String> roles,
		@Nullable UUID customerId, String name, String email, String tenantSlug, String tenantName) {

	public static Optional<CurrentUser> current() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof CurrentUser user) {
			return Optional.of(user);
		}
		return Optional.empty();
	}

	public static CurrentUser require() {
		return current().orElseThrow(() -> new ProblemException(HttpStatus.UNAUTHORIZED, "authentication_required",
				"Sign in to use this resource"));
	}

	public boolean isAdmin() {
		return tier == Tier.ADMIN;
	}

	public boolean isCustomer() {
		return tier == Tier.CUSTOMER;
	}
}
