package io.prax.customer;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface Customers extends JpaRepository<Customer, UUID> {

	@Query("select c from Customer c where c.id = :id and c.deletedAt is null")
	Optional<Customer> findLive(UUID id);

	@Query("select count(c) from Customer c where c.deletedAt is null")
	long countLive();

	/** Keyset page ordered by (lower(name), id); {@code pattern} is a lower-case LIKE pattern. */
	@Query("""
			select c from Customer c
			where c.deletedAt is null
			  and (lower(c.name) like :pattern or lower(coalesce(c.email, '')) like :pattern)
			  and (lower(c.name) > :afterName or (lower(c.name) = :afterName and c.id > :afterId))
			order by lower(c.name), c.id""")
	List<Customer> page(String pattern, String afterName, UUID afterId, Limit limit);

	@Query("select c from Customer c where c.deletedAt is null order by c.createdAt desc")
	List<Customer> newest(Limit limit);
}
