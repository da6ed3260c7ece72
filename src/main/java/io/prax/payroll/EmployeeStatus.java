package io.prax.payroll;

/** ACTIVE employees are included in payroll runs; INACTIVE ones are not. */
public enum EmployeeStatus {

	ACTIVE, INACTIVE

}
