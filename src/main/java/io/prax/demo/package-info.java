/** The {@code --demo} start: a sample tenant "acme" with customers, their documents and users of every tier. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "platform", "tenancy", "identity", "customer", "document" })
@org.jspecify.annotations.NullMarked
package io.prax.demo;
