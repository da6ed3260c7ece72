/** The {@code --demo} start: a sample tenant "acme" with customers and users of every tier. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "platform", "tenancy", "identity", "customer" })
@org.jspecify.annotations.NullMarked
package io.prax.demo;
