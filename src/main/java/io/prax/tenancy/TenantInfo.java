package io.prax.tenancy;

/** What other modules may know about a tenant. */
public record TenantInfo(TenantId id, String slug, String name, String region, String status) {
}
