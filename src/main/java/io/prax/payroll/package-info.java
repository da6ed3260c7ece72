/**
 * Payroll (F2, F4, F16): employees with salary structures, payroll runs and payslips
 * frozen at finalisation, and self-service.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "platform", "tenancy", "identity", "access",
		"audit", "invoicing", "mail", "document", "approval" })
@org.jspecify.annotations.NullMarked
package io.prax.payroll;
