package io.prax.support;

import java.util.List;
import java.util.UUID;

import io.prax.identity.UserLifecycle;
import io.prax.identity.NewUser;
import io.prax.identity.Onboarding;
import io.prax.identity.Tier;
import io.prax.identity.UserAccount;
import io.prax.tenancy.TenantContext;
import io.prax.tenancy.TenantId;
import org.jspecify.annotations.Nullable;

/** Test fixtures in domain language: fresh tenants and users with known passwords. */
public final class Tenants {

	public static final String PASSWORD = "correct horse battery staple";

	private Tenants() {
	}

	public record TestTenant(TenantId id, String slug, String adminEmail, UserAccount admin) {
	}

	/**
	 * A new tenant with a unique slug and an administrator whose password is
	 * {@link #PASSWORD}.
	 */
	public static TestTenant newTenant(Onboarding onboarding) {
		String slug = "t-" + UUID.randomUUID().toString().substring(0, 12);
		String email = "admin@" + slug + ".example";
		var onboarded = onboarding
			.onboard(new Onboarding.NewTenant(slug, "Tenant " + slug, "US", email, "Admin of " + slug, PASSWORD));
		return new TestTenant(onboarded.tenant().id(), slug, email, onboarded.admin());
	}

	/** An active user of {@code tenant} with password {@link #PASSWORD}. */
	public static UserAccount newUser(UserLifecycle identity, TestTenant tenant, Tier tier, List<String> roles,
			@Nullable UUID customerId) {
		String email = tier.name().toLowerCase() + "-" + UUID.randomUUID().toString().substring(0, 8) + "@"
				+ tenant.slug() + ".example";
		return TenantContext.call(tenant.id(), () -> identity
			.createWithPassword(new NewUser(email, "User " + email, tier, roles, customerId), PASSWORD));
	}

}
