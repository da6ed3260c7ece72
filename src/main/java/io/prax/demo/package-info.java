/**
 * The {@code --demo} start: a sample tenant "acme" with customers, their documents,
 * invoices, users of every tier, employees and payroll runs.
 */
@org.springframework.modulith.ApplicationModule(
		allowedDependencies = { "platform", "tenancy", "identity", "customer", "document", "invoicing", "payroll" })
@org.jspecify.annotations.NullMarked
package io.prax.demo;
