package io.prax.session;

import io.prax.tenancy.TenantId;
import org.jspecify.annotations.Nullable;

/**
 * An administrator changed the tenant's session lifetimes; published inside the changing
 * transaction.
 */
public record SecuritySettingsChanged(TenantId tenantId, Lifetimes before, Lifetimes after,
		@Nullable MfaRequirement mfaBefore, @Nullable MfaRequirement mfaAfter) {

	public SecuritySettingsChanged(TenantId tenantId, Lifetimes before, Lifetimes after) {
		this(tenantId, before, after, null, null);
	}
}
