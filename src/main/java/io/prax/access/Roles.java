package io.prax.access;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface Roles extends JpaRepository<Role, UUID> {

	@Query("select r from Role r where r.deletedAt is null order by upper(r.name)")
	List<Role> findLive();

	@Query("select r from Role r where r.id = :id and r.deletedAt is null")
	Optional<Role> findLive(UUID id);

	@Query("select r from Role r where upper(r.name) = upper(:name) and r.deletedAt is null")
	Optional<Role> findLiveByName(String name);
}
