package io.prax.platform;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a handler reachable without signing in (sign-in, set-up, password links). Every
 * handler carries this, {@link SignedInOnly} or a permission requirement; the build fails
 * otherwise.
 */
@Documented
@Target({ ElementType.METHOD, ElementType.TYPE })
@Retention(RetentionPolicy.RUNTIME)
public @interface PublicEndpoint {

	/** Why this needs no sign-in, for the reviewer. */
	String value();

}
