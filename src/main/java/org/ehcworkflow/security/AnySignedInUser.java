package org.ehcworkflow.security;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Any signed-in user may call the endpoint, which then narrows what they get case by case or setting by setting
 * (for example through {@link CaseAccess}); {@link #narrowedBy()} says how, for the reader and the review.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface AnySignedInUser {

  /** The check the endpoint makes for each case or setting it answers about. */
  String narrowedBy();
}
