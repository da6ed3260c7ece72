package io.prax.customer;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Keyset pages of live customers (the entity hides deleted ones) in any
 * {@link CustomerOrder}, matching a name or email pattern.
 */
@Component
class CustomerSearch {

	private final EntityManager entityManager;

	CustomerSearch(EntityManager entityManager) {
		this.entityManager = entityManager;
	}

	/**
	 * A position in a list: the last row's sort key (lower-case name or update time) and
	 * id.
	 */
	record Position(String key, UUID id) {
	}

	List<Customer> page(String pattern, CustomerOrder order, @Nullable Position after, int limit) {
		String compare = order.descending ? "<" : ">";
		String direction = order.descending ? "desc" : "asc";
		StringBuilder jpql = new StringBuilder("select c from Customer c where "
				+ "(lower(c.name) like :pattern or lower(coalesce(c.email, '')) like :pattern)");
		if (after != null) {
			jpql.append(" and (")
				.append(order.key)
				.append(' ')
				.append(compare)
				.append(" :key or (")
				.append(order.key)
				.append(" = :key and c.id ")
				.append(compare)
				.append(" :id))");
		}
		jpql.append(" order by ").append(order.key).append(' ').append(direction).append(", c.id ").append(direction);
		TypedQuery<Customer> query = entityManager.createQuery(jpql.toString(), Customer.class)
			.setParameter("pattern", pattern)
			.setMaxResults(limit);
		if (after != null) {
			query.setParameter("key", order.byName() ? after.key() : Instant.parse(after.key()));
			query.setParameter("id", after.id());
		}
		return query.getResultList();
	}

}
