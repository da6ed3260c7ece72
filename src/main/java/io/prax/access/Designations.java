package io.prax.access;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface Designations extends JpaRepository<Designation, UUID> {

	@Query("select r from Designation r where r.deletedAt is null order by lower(r.name)")
	List<Designation> findLive();

	@Query("select r from Designation r where r.id = :id and r.deletedAt is null")
	Optional<Designation> findLive(UUID id);

	@Query("select r from Designation r where lower(r.name) = lower(:name) and r.deletedAt is null")
	Optional<Designation> findLiveByName(String name);
}
