package io.prax.platform;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A personal or secret field (a bank account, a tax id) that the audit log records only
 * as changed, masked, never in clear; fields named like a password, hash, secret or token
 * are masked anyway.
 */
@Target(ElementType.FIELD)
@Retention(RetentionPolicy.RUNTIME)
public @interface Masked {

}
