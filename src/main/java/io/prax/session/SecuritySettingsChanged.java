package io.prax.session;

import io.prax.tenancy.TenantId;
import org.jspecify.annotations.Nullable;

/**
 * An administrator changed the tenant's session lifetimes; published inside the changing
 * transaction.
 */
public record SecuritySettingsChanged(TenantId tenantId, SessionManagement.Lifetimes before,
		SessionManagement.Lifetimes after, SessionManagement.@Nullable MfaRequirement mfaBefore,
		SessionManagement.@Nullable MfaRequirement mfaAfter) {

	public SecuritySettingsChanged(TenantId tenantId, SessionManagement.Lifetimes before,
			SessionManagement.Lifetimes after) {
		this(tenantId, before, after, null, null);
	}
}
