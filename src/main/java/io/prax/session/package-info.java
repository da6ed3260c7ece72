/**
 * Sign-in sessions: access and refresh tokens, browser cookies, revocation, and
 * authenticating each request.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "platform", "tenancy", "identity", "access" })
@org.jspecify.annotations.NullMarked
package io.prax.session;
