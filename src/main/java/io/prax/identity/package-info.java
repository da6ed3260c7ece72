/**
 * Users, tiers, passwords, invitations and onboarding (first tenant, sign-up); who is
 * calling ({@link io.prax.identity.CurrentUser}).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "platform", "tenancy", "mail" })
@org.jspecify.annotations.NullMarked
package io.prax.identity;
