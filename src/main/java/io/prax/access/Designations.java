package io.prax.access;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/**
 * Live designations only: deleted rows are filtered by the entity's
 * {@code @SQLRestriction}.
 */
interface Designations extends JpaRepository<Designation, UUID> {

	@Query("select r from Designation r order by lower(r.name), r.id")
	List<Designation> ordered();

	@Query("select r from Designation r where lower(r.name) = lower(:name)")
	Optional<Designation> findByName(String name);

}
