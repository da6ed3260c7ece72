package io.prax.session;

import io.prax.tenancy.TenantId;

/** An administrator changed the tenant's session lifetimes; published inside the changing transaction. */
public record SecuritySettingsChanged(TenantId tenantId, SessionManagement.Lifetimes before,
		SessionManagement.Lifetimes after) {
}
