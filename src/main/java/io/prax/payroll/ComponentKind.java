package io.prax.payroll;

/** A salary component adds to gross pay (EARNING) or is taken from it (DEDUCTION). */
public enum ComponentKind {

	EARNING, DEDUCTION

}
