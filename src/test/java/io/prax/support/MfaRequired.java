package io.prax.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.test.context.TestPropertySource;

/**
 * With {@link PraxIntegrationTest}: the product default, MFA required for the ADMIN tier
 * and roles.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@TestPropertySource(properties = "prax.mfa.required-by-default=true")
public @interface MfaRequired {

}
