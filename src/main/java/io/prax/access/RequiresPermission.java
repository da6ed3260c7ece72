package io.prax.access;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares the permission a controller method needs. Checked in one place, {@link PermissionInterceptor},
 * for pages and API alike; without it the caller gets 403. Services do not check it again.
 */
@Target({ ElementType.METHOD, ElementType.TYPE })
@Retention(RetentionPolicy.RUNTIME)
public @interface RequiresPermission {

	Permission value();
}
