/** Customers (F1): accounts with billing address and tax id, and their contacts. */
@org.springframework.modulith.ApplicationModule(
		allowedDependencies = { "platform", "tenancy", "identity", "access", "audit", "document" })
@org.jspecify.annotations.NullMarked
package io.prax.customer;
