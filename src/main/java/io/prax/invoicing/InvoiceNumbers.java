package io.prax.invoicing;

import jakarta.persistence.EntityManager;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Gapless per-tenant numbers, restarting every year: the counter row is incremented in
 * the issuing transaction, so its row lock serialises concurrent issues until commit and
 * a rollback gives the number back. (A database sequence would be faster but leaves
 * gaps.)
 */
@Component
class InvoiceNumbers {

	private final EntityManager entityManager;

	InvoiceNumbers(EntityManager entityManager) {
		this.entityManager = entityManager;
	}

	@Transactional(propagation = Propagation.MANDATORY)
	String next(String prefix, int year) {
		Number next = (Number) entityManager.createNativeQuery("""
				insert into invoice_counter (tenant_id, year, last_number) values (prax_current_tenant(), ?1, 1)
				on conflict (tenant_id, year) do update set last_number = invoice_counter.last_number + 1
				returning last_number""").setParameter(1, year).getSingleResult();
		return format(prefix, year, next.longValue());
	}

	static String format(String prefix, int year, long number) {
		return prefix + year + "-" + String.format("%06d", number);
	}

}
