package io.prax.tenancy;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface Tenants extends JpaRepository<Tenant, UUID> {

	Optional<Tenant> findBySlug(String slug);

}
