/**
 * Documents (F5): files attached to records, stored under their SHA-256 per tenant and
 * checked on every read.
 */
@org.springframework.modulith.ApplicationModule(
		allowedDependencies = { "platform", "tenancy", "identity", "access", "audit", "approval" })
@org.jspecify.annotations.NullMarked
package io.prax.document;
