package io.prax.payroll;

import java.util.UUID;

/** Identifies a employee within its tenant. */
public record EmployeeId(UUID value) {

	@Override
	public String toString() {
		return value.toString();
	}
}
