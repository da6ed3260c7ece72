package io.prax.session;

import java.util.UUID;

import io.prax.tenancy.TenantContext;
import org.springframework.data.jpa.repository.JpaRepository;

interface SessionSettingsRepository extends JpaRepository<SessionSettings, UUID> {

	/** The current tenant's session settings, or the defaults; inside a transaction. */
	default SessionSettings current() {
		UUID tenant = TenantContext.require().value();
		return findById(tenant).orElseGet(() -> SessionSettings.defaults(tenant));
	}

}
