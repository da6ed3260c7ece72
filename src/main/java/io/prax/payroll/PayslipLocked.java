package io.prax.payroll;

import io.prax.platform.ProblemException;
import org.springframework.http.HttpStatus;

/** A finalized payslip cannot be edited or deleted: 423 {@code record_locked}. */
class PayslipLocked extends ProblemException {

	PayslipLocked() {
		super(HttpStatus.LOCKED, "record_locked",
				"This payslip is finalized and locked; corrections go through a new payslip that corrects it");
	}

}
