package io.prax.payroll;

import java.util.UUID;

/** Identifies a payroll run within its tenant. */
public record PayrollRunId(UUID value) {

	@Override
	public String toString() {
		return value.toString();
	}
}
