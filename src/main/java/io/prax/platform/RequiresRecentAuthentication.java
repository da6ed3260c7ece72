package io.prax.platform;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a sensitive handler (access changes, security settings, audit export, ending
 * every session): besides its permission, the caller's session must have proven the
 * password (and the TOTP code when enrolled) within the last 10 minutes, at sign-in or by
 * re-authenticating; otherwise 401 {@code reauthentication_required}. The session module
 * enforces it next to the permission check.
 */
@Documented
@Target({ ElementType.METHOD, ElementType.TYPE })
@Retention(RetentionPolicy.RUNTIME)
public @interface RequiresRecentAuthentication {

}
