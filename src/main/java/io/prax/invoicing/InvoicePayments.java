package io.prax.invoicing;

import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface InvoicePayments extends JpaRepository<InvoicePayment, UUID> {

	@Query("select p from InvoicePayment p where p.invoiceId = :invoiceId order by p.paidOn, p.id")
	List<InvoicePayment> findByInvoice(UUID invoiceId);

}
