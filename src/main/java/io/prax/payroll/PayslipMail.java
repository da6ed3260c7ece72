package io.prax.payroll;

import java.util.Map;

import io.prax.identity.UserDirectory;
import io.prax.identity.UserAccount;
import io.prax.identity.UserId;
import io.prax.mail.MailOutbox;
import io.prax.platform.PraxProperties;
import org.springframework.stereotype.Component;

/**
 * Tells an employee that a payslip was finalized, through the outbox (sent only if
 * finalizing commits). The mail carries no amounts and no bank details: only a link to
 * sign in and read it.
 */
@Component
class PayslipMail {

	private final MailOutbox outbox;

	private final UserDirectory identity;

	private final PraxProperties properties;

	PayslipMail(MailOutbox outbox, UserDirectory identity, PraxProperties properties) {
		this.outbox = outbox;
		this.identity = identity;
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
		outbox.enqueue(recipient,
				"Your payslip for " + payslip.periodStart() + " to " + payslip.periodEnd() + " is ready",
				"payroll/mail-payslip-finalized",
				Map.of("name", employee.name(), "employer", payslip.employer().name(), "periodStart",
						payslip.periodStart(), "periodEnd", payslip.periodEnd(), "link",
						properties.publicUrl() + "/me/payslips/" + payslip.payslipId()));
	}

}
