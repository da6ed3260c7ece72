package io.prax.tenancy;

/**
 * Where the database is and as whom to connect: the owner role runs migrations, the
 * application role owns nothing and is subject to row-level security.
 */
record DatabaseEndpoints(String url, String appUser, String appPassword, String ownerUser, String ownerPassword) {
}
