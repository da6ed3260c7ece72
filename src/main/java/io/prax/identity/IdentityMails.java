package io.prax.identity;

import io.prax.mail.MailOutbox;
import io.prax.tenancy.TenantInfo;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.TemplateSpec;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;

/**
 * The identity module's mails, from text templates ({@code templates/identity/mail-*}),
 * through the outbox.
 */
@Component
class IdentityMails {

	private final MailOutbox outbox;

	private final ITemplateEngine templates;

	IdentityMails(MailOutbox outbox, ITemplateEngine templates) {
		this.outbox = outbox;
		this.templates = templates;
	}

	void invitation(String email, String name, TenantInfo tenant, String link) {
		Context context = new Context();
		context.setVariable("name", name);
		context.setVariable("workspace", tenant.name());
		context.setVariable("slug", tenant.slug());
		context.setVariable("link", link);
		outbox.enqueue(email, "You are invited to " + tenant.name() + " on Prax",
				text("identity/mail-invitation", context));
	}

	void passwordReset(String email, TenantInfo tenant, String link) {
		Context context = new Context();
		context.setVariable("workspace", tenant.name());
		context.setVariable("link", link);
		outbox.enqueue(email, "Reset your Prax password", text("identity/mail-password-reset", context));
	}

	private String text(String template, Context context) {
		return templates.process(new TemplateSpec(template, TemplateMode.TEXT), context);
	}

}
