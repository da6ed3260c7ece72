package io.prax.identity;

/**
 * The three kinds of user: tenant administrators, staff, and a customer's people in the
 * portal.
 */
public enum Tier {

	ADMIN, EMPLOYEE, CUSTOMER

}
