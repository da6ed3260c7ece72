/** The {@code --demo} start: a sample tenant "acme" with customers, their documents, invoices and users of every tier. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "platform", "tenancy", "identity", "customer", "document", "invoicing" })
@org.jspecify.annotations.NullMarked
package io.prax.demo;
