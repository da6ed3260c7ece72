package io.prax.payroll;

import java.util.UUID;

/** Identifies a payslip within its tenant. */
public record PayslipId(UUID value) {

	@Override
	public String toString() {
		return value.toString();
	}
}
