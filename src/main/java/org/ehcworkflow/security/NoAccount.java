package org.ehcworkflow.security;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A public page for people without a Camunda account (a family, a partner with a secure link): the endpoint checks
 * its own credential, named in {@link #checkedBy()}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface NoAccount {

  /** The credential the endpoint checks: the family's session, the link's token. */
  String checkedBy();
}
