package io.prax.platform;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an entity whose rows feed a {@link NodeCache} on the request path (users,
 * tenants, access facts). A committed change of such a row forgets its tenant's cached
 * entries on this node at once; the table's {@code prax_cache_changed} trigger tells
 * every other node (migration V80).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface CachedPerNode {

}
