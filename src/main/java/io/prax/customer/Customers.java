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

	@Query("select c from Customer c where c.deletedAt is null order by c.createdAt desc")
	List<Customer> newest(Limit limit);
}
