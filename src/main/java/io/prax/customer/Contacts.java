package io.prax.customer;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/**
 * Live contacts only: deleted rows are filtered by the entity's {@code @SQLRestriction}.
 */
interface Contacts extends JpaRepository<Contact, UUID> {

	@Query("select c from Contact c where c.customerId = :customerId order by lower(c.name), c.id")
	List<Contact> findByCustomer(UUID customerId);

	Optional<Contact> findByCustomerIdAndId(UUID customerId, UUID id);

}
