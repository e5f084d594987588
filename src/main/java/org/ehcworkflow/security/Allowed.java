package org.ehcworkflow.security;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Who may call an endpoint, declared on it (or on its controller): the members of these role groups
 * ({@link Roles}); administrators always may. {@link EndpointAccess} enforces it before the endpoint runs and refuses
 * with 403 otherwise; every endpoint states one of {@code Allowed}, {@link AnySignedInUser} or {@link NoAccount},
 * and an endpoint that states none is refused to everyone.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface Allowed {

  /** The role groups; {@link Roles#ADMINISTRATORS} alone for administrators only. */
  String[] value();
}
