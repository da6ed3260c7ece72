/** The {@code --demo} start: a sample tenant "acme" with customers, invoices and users of every tier. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "platform", "tenancy", "identity", "customer", "invoicing" })
@org.jspecify.annotations.NullMarked
package io.prax.demo;
