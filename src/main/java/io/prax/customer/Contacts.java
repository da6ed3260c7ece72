package io.prax.customer;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface Contacts extends JpaRepository<Contact, UUID> {

	@Query("select c from Contact c where c.customerId = :customerId and c.deletedAt is null order by lower(c.name), c.id")
	List<Contact> findLiveByCustomer(UUID customerId);

	@Query("select c from Contact c where c.id = :id and c.customerId = :customerId and c.deletedAt is null")
	Optional<Contact> findLive(UUID customerId, UUID id);
}
