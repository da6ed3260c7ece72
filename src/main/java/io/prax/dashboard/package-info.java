/** The start page: a few figures the signed-in user is allowed to see. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "platform", "customer", "access", "audit" })
@org.jspecify.annotations.NullMarked
package io.prax.dashboard;
