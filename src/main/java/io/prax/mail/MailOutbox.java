package io.prax.mail;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;

import io.prax.tenancy.TenantContext;
import io.prax.tenancy.TenantId;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.TemplateSpec;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;

/**
 * Queues a mail in the caller's transaction: it is sent only if that transaction commits.
 */
@Service
public class MailOutbox {

	private final OutboxMessages messages;

	private final Clock clock;

	private final ITemplateEngine templates;

	MailOutbox(OutboxMessages messages, Clock clock, ITemplateEngine templates) {
		this.messages = messages;
		this.clock = clock;
		this.templates = templates;
	}

	/**
	 * Queues a mail whose body is a text template ({@code templates/<template>.html},
	 * Thymeleaf TEXT mode, e.g. {@code identity/mail-invitation}) filled with
	 * {@code variables}: how every module writes a mail body, never by concatenating
	 * strings.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void enqueue(String recipient, String subject, String template, Map<String, ?> variables) {
		Context context = new Context();
		variables.forEach(context::setVariable);
		enqueue(recipient, subject, templates.process(new TemplateSpec(template, TemplateMode.TEXT), context));
	}

	@Transactional(propagation = Propagation.MANDATORY)
	public void enqueue(String recipient, String subject, String body) {
		var tenant = TenantContext.current().map(TenantId::value).orElse(null);
		messages.save(new OutboxMessage(tenant, recipient, subject, body, Instant.now(clock)));
	}

}
