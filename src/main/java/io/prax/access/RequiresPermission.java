package io.prax.access;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares the permissions a controller method needs (all of them). Checked in one place,
 * {@link PermissionInterceptor}, for pages and API alike; without them the caller gets
 * 403. Services do not check them again.
 */
@Target({ ElementType.METHOD, ElementType.TYPE })
@Retention(RetentionPolicy.RUNTIME)
public @interface RequiresPermission {

	Permission[] value();

}
