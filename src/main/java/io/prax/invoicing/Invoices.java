package io.prax.invoicing;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface Invoices extends JpaRepository<Invoice, UUID> {

	@Query("select i from Invoice i where i.id = :id")
	Optional<Invoice> findLive(UUID id);

	@Query("select i from Invoice i where i.creditNoteFor = :id order by i.id")
	List<Invoice> creditNotesOf(UUID id);

}
