package io.prax.platform;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the method of an entity that sets the fields its constructor leaves open; the
 * code that creates the entity calls it before the entity is saved. NullAway (which knows
 * this annotation by its simple name) then counts those fields as initialised.
 */
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Initializer {

}
