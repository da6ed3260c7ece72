/**
 * Shared ground: configuration, clock, ids, errors as problem details, web and security
 * wiring.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
@org.jspecify.annotations.NullMarked
package io.prax.platform;
