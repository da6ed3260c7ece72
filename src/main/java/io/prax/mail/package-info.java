/**
 * Outgoing mail through a transactional outbox, sent over SMTP or written to the log in
 * development.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "platform", "tenancy" })
@org.jspecify.annotations.NullMarked
package io.prax.mail;
