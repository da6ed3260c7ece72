package io.prax.customer;

import java.util.List;
import java.util.UUID;

import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/**
 * Live customers only: deleted rows are filtered by the entity's {@code @SQLRestriction}.
 */
interface Customers extends JpaRepository<Customer, UUID> {

	@Query("select c from Customer c order by c.createdAt desc")
	List<Customer> newest(Limit limit);

}
