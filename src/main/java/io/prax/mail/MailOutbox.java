package io.prax.mail;

import java.time.Clock;
import java.time.Instant;

import io.prax.tenancy.TenantContext;
import io.prax.tenancy.TenantId;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Queues a mail in the caller's transaction: it is sent only if that transaction commits.
 */
@Service
public class MailOutbox {

	private final OutboxMessages messages;

	private final Clock clock;

	MailOutbox(OutboxMessages messages, Clock clock) {
		this.messages = messages;
		this.clock = clock;
	}

	@Transactional(propagation = Propagation.MANDATORY)
	public void enqueue(String recipient, String subject, String body) {
		var tenant = TenantContext.current().map(TenantId::value).orElse(null);
		messages.save(new OutboxMessage(tenant, recipient, subject, body, Instant.now(clock)));
	}

}
