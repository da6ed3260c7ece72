package io.prax.access;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/** Live roles only: deleted rows are filtered by the entity's {@code @SQLRestriction}. */
interface Roles extends JpaRepository<Role, UUID> {

	@Query("select r from Role r order by upper(r.name), r.id")
	List<Role> ordered();

	@Query("select r from Role r where upper(r.name) = upper(:name)")
	Optional<Role> findByName(String name);

}
