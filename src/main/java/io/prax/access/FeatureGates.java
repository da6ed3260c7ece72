package io.prax.access;

import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

/**
 * Live (switched-off) gates only: switched-on rows are filtered by the entity's
 * {@code @SQLRestriction}.
 */
interface FeatureGates extends JpaRepository<FeatureGate, UUID> {

}
