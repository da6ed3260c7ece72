package io.prax.payroll;

import io.prax.identity.IdentityManagement;
import io.prax.identity.UserAccount;
import io.prax.identity.UserId;
import io.prax.mail.MailOutbox;
import io.prax.platform.PraxProperties;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.TemplateSpec;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;

/**
 * Tells an employee that a payslip was finalized, through the outbox (sent only if
 * finalizing commits). The mail carries no amounts and no bank details: only a link to
 * sign in and read it.
 */
@Component
class PayslipMail {

	private final MailOutbox outbox;

	private final IdentityManagement identity;

	private final ITemplateEngine templates;

	private final PraxProperties properties;

	PayslipMail(MailOutbox outbox, IdentityManagement identity, ITemplateEngine templates, PraxProperties properties) {
		this.outbox = outbox;
		this.identity = identity;
		this.templates = templates;
		this.properties = properties;
	}

	void finalized(Employee employee, PayslipDocument payslip) {
		String recipient = employee.email();
		if (recipient == null && employee.userId() != null) {
			recipient = identity.find(new UserId(employee.userId())).map(UserAccount::email).orElse(null);
		}
		if (recipient == null) {
			return;
		}
		Context context = new Context();
		context.setVariable("name", employee.name());
		context.setVariable("employer", payslip.employer().name());
		context.setVariable("periodStart", payslip.periodStart());
		context.setVariable("periodEnd", payslip.periodEnd());
		context.setVariable("link", properties.publicUrl() + "/me/payslips/" + payslip.payslipId());
		String body = templates.process(new TemplateSpec("payroll/mail-payslip-finalized", TemplateMode.TEXT), context);
		outbox.enqueue(recipient,
				"Your payslip for " + payslip.periodStart() + " to " + payslip.periodEnd() + " is ready", body);
	}

}
