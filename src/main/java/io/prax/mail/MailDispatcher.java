package io.prax.mail;

import java.time.Clock;
import java.time.Instant;

import io.prax.platform.PraxProperties;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends queued mail every few seconds. Rows are locked with SKIP LOCKED, so several nodes
 * never send the same mail twice. Without an SMTP host the mail is written to the log
 * instead.
 */
@Component
class MailDispatcher {

	private static final Logger log = LoggerFactory.getLogger(MailDispatcher.class);

	private final OutboxMessages messages;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final PraxProperties.Mail settings;

	private final @Nullable JavaMailSenderImpl sender;

	MailDispatcher(OutboxMessages messages, TransactionTemplate transactions, Clock clock, PraxProperties properties) {
		this.messages = messages;
		this.transactions = transactions;
		this.clock = clock;
		this.settings = properties.mail();
		this.sender = settings.smtpConfigured() ? smtp(settings) : null;
	}

	@EventListener(ApplicationReadyEvent.class)
	void announce() {
		if (sender == null) {
			log.warn("No SMTP host configured (PRAX_SMTP_HOST): mail, including invitation and reset links, "
					+ "is written to this log instead of being sent. Do not run like this in production.");
		}
	}

	@Scheduled(fixedDelayString = "${prax.mail.dispatch-interval:3s}",
			initialDelayString = "${prax.mail.dispatch-interval:3s}")
	void dispatch() {
		transactions.executeWithoutResult(status -> messages.lockPending().forEach(this::send));
	}

	private void send(OutboxMessage message) {
		try {
			if (sender == null) {
				log.info("Mail to {} — {}\n{}", message.recipient(), message.subject(), message.body());
			}
			else {
				SimpleMailMessage mail = new SimpleMailMessage();
				mail.setFrom(settings.from());
				mail.setTo(message.recipient());
				mail.setSubject(message.subject());
				mail.setText(message.body());
				sender.send(mail);
			}
			message.markSent(Instant.now(clock));
		}
		catch (RuntimeException ex) {
			log.warn("Sending mail to {} failed (attempt {}): {}", message.recipient(), message.attempts() + 1,
					ex.getMessage());
			message.markFailed(ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage());
		}
	}

	private static JavaMailSenderImpl smtp(PraxProperties.Mail settings) {
		JavaMailSenderImpl sender = new JavaMailSenderImpl();
		sender.setHost(settings.smtpHost());
		sender.setPort(settings.smtpPort());
		sender.setUsername(settings.smtpUsername());
		sender.setPassword(settings.smtpPassword());
		sender.getJavaMailProperties()
			.put("mail.smtp.auth",
					String.valueOf(settings.smtpUsername() != null && !settings.smtpUsername().isBlank()));
		sender.getJavaMailProperties().put("mail.smtp.starttls.enable", String.valueOf(settings.smtpTls()));
		sender.getJavaMailProperties().put("mail.smtp.starttls.required", String.valueOf(settings.smtpTls()));
		sender.getJavaMailProperties().put("mail.smtp.connectiontimeout", "10000");
		sender.getJavaMailProperties().put("mail.smtp.timeout", "10000");
		return sender;
	}

}
