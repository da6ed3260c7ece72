/**
 * The start page: a few figures the signed-in user is allowed to see; the customer
 * portal's home for portal users.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "platform", "customer", "access", "audit",
		"identity", "invoicing", "document", "payroll" })
@org.jspecify.annotations.NullMarked
package io.prax.dashboard;
