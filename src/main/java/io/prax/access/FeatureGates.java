package io.prax.access;

import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface FeatureGates extends JpaRepository<FeatureGate, UUID> {

	@Query("select g from FeatureGate g where g.deletedAt is null")
	List<FeatureGate> findLive();
}
