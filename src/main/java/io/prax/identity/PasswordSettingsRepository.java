package io.prax.identity;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface PasswordSettingsRepository extends JpaRepository<PasswordSettings, UUID> {

	/**
	 * The current tenant's row (row-level security and {@code @TenantId} leave only that
	 * one).
	 */
	Optional<PasswordSettings> findFirstByOrderByCreatedAtAsc();

}
