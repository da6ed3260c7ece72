package io.prax.payroll;

/** A DRAFT payslip follows the master data; a FINALIZED one is frozen and locked. */
public enum PayslipStatus {

	DRAFT, FINALIZED

}
