/**
 * Who may do what: tiers, built-in roles and their grants, permission checks for pages
 * and API, the navigation a user sees, and user administration.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "platform", "tenancy", "identity" })
@org.jspecify.annotations.NullMarked
package io.prax.access;
