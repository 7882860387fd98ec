package io.sluice.library;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a record as an event contract: the CloudEvents {@code type} it travels as and the
 * version of its shape, carried in the {@code eventversion} extension.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface EventType {
  /** The CloudEvents {@code type}, e.g. {@code user.created}. */
  String name();

  /** The contract's version, at least 1. */
  int version() default 1;
}
