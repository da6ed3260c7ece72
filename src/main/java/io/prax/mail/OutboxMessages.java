package io.prax.mail;

import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface OutboxMessages extends JpaRepository<OutboxMessage, UUID> {

	@Query(value = "select * from mail_outbox where sent_at is null and attempts < 10 order by created_at limit 20 "
			+ "for update skip locked", nativeQuery = true)
	List<OutboxMessage> lockPending();

}
