/**
 * The tamper-evident audit trail (F10): every change and security event in a per-tenant
 * SHA-256 hash chain, verification, signed checkpoints and offline export verification.
 */
@org.springframework.modulith.ApplicationModule(
		allowedDependencies = { "platform", "tenancy", "identity", "session", "access" })
@org.jspecify.annotations.NullMarked
package io.prax.audit;
