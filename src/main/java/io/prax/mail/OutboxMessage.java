package io.prax.mail;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.prax.platform.Ids;
import org.jspecify.annotations.Nullable;

/**
 * A mail waiting to be sent; written in the same transaction as the change that caused
 * it.
 */
@Entity
@Table(name = "mail_outbox")
class OutboxMessage {

	@Id
	private UUID id;

	private @Nullable UUID tenantId;

	private String recipient;

	private String subject;

	private String body;

	private Instant createdAt;

	private @Nullable Instant sentAt;

	private int attempts;

	private @Nullable String lastError;

	protected OutboxMessage() {
	}

	OutboxMessage(@Nullable UUID tenantId, String recipient, String subject, String body, Instant createdAt) {
		this.id = Ids.newId();
		this.tenantId = tenantId;
		this.recipient = recipient;
		this.subject = subject;
		this.body = body;
		this.createdAt = createdAt;
	}

	String recipient() {
		return recipient;
	}

	String subject() {
		return subject;
	}

	String body() {
		return body;
	}

	int attempts() {
		return attempts;
	}

	/** Sent: the body, which may hold a one-time link, is not kept. */
	void markSent(Instant at) {
		this.sentAt = at;
		this.body = "";
		this.attempts++;
		this.lastError = null;
	}

	void markFailed(String error) {
		this.attempts++;
		this.lastError = error.length() > 500 ? error.substring(0, 500) : error;
	}

}
