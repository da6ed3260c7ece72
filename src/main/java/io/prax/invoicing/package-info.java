/**
 * Invoicing (F3, F16): company details, invoices and credit notes with frozen snapshots,
 * gapless numbers, payments and PDFs.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "platform", "tenancy", "identity", "access",
		"audit", "customer", "document", "approval" })
@org.jspecify.annotations.NullMarked
package io.prax.invoicing;
