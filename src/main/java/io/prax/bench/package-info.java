/**
 * The benchmark harness's side of the application (issue 11): baselines without security
 * and bulk data generation, all of it only in the {@code benchmark} Spring profile, on
 * loopback, never in production.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "platform", "tenancy", "identity", "customer" })
@org.jspecify.annotations.NullMarked
package io.prax.bench;
