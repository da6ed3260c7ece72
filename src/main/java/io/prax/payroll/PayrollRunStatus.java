package io.prax.payroll;

/**
 * A DRAFT run holds draft payslips; FINALIZED once all of them were finalized together.
 */
public enum PayrollRunStatus {

	DRAFT, FINALIZED

}
