/**
 * Tenants, the tenant context of a request or job, and the wiring that enforces it in
 * Hibernate and PostgreSQL.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = "platform")
@org.jspecify.annotations.NullMarked
package io.prax.tenancy;
