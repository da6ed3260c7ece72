/**
 * Approvals (F6) with 21 CFR Part 11 electronic signatures (F14): workflows, submissions
 * frozen by SHA-256, re-authenticated signatures bound to the record version, and their
 * manifestation.
 */
@org.springframework.modulith.ApplicationModule(
		allowedDependencies = { "platform", "tenancy", "identity", "access", "audit", "session", "mail" })
@org.jspecify.annotations.NullMarked
package io.prax.approval;
