package io.prax.platform;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a handler that any signed-in user may call without a permission: self-service on
 * one's own account, or what every page needs. The access module enforces it; the build
 * fails for a handler with neither this, {@link PublicEndpoint} nor a permission
 * requirement.
 */
@Documented
@Target({ ElementType.METHOD, ElementType.TYPE })
@Retention(RetentionPolicy.RUNTIME)
public @interface SignedInOnly {

	/** Why no permission is needed, for the reviewer. */
	String value();

	/** Also refused to customer-portal users: staff only. */
	boolean staff() default false;

}
