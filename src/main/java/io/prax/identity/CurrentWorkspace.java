package io.prax.identity;

import io.prax.tenancy.TenantContext;
import io.prax.tenancy.TenantDirectory;
import io.prax.tenancy.TenantInfo;
import org.springframework.stereotype.Component;

/** The tenant of {@link TenantContext}, as mails and the password policy need it. */
@Component
class CurrentWorkspace {

	private final TenantDirectory tenants;

	CurrentWorkspace(TenantDirectory tenants) {
		this.tenants = tenants;
	}

	TenantInfo info() {
		return tenants.find(TenantContext.require()).orElseThrow();
	}

	/** A user of the current tenant, for the password policy. */
	PasswordPolicy.Owner owner(String email, String name) {
		TenantInfo tenant = info();
		return new PasswordPolicy.Owner(email, name, tenant.name(), tenant.slug());
	}

}
