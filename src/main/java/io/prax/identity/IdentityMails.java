package io.prax.identity;

import java.util.Map;

import io.prax.mail.MailOutbox;
import io.prax.tenancy.TenantInfo;
import org.springframework.stereotype.Component;

/**
 * The identity module's mails, from text templates ({@code templates/identity/mail-*}),
 * through the outbox.
 */
@Component
class IdentityMails {

	private final MailOutbox outbox;

	IdentityMails(MailOutbox outbox) {
		this.outbox = outbox;
	}

	void invitation(String email, String name, TenantInfo tenant, String link) {
		outbox.enqueue(email, "You are invited to " + tenant.name() + " on Prax", "identity/mail-invitation",
				Map.of("name", name, "workspace", tenant.name(), "slug", tenant.slug(), "link", link));
	}

	void passwordReset(String email, TenantInfo tenant, String link) {
		outbox.enqueue(email, "Reset your Prax password", "identity/mail-password-reset",
				Map.of("workspace", tenant.name(), "link", link));
	}

}
