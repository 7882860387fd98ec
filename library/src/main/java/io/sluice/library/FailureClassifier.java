package io.sluice.library;

/** Decides whether a failed attempt is worth retrying. */
@FunctionalInterface
public interface FailureClassifier {

  /** True when trying again may succeed. */
  boolean isTransient(Throwable failure);

  /**
   * The default: {@link NonRetryableException} (validation and business-rule failures included) is
   * permanent, anything else is transient.
   */
  static FailureClassifier standard() {
    return failure -> !(failure instanceof NonRetryableException);
  }

  /** Also treats failures of the given types (and their subtypes) as permanent. */
  default FailureClassifier permanentOn(Class<? extends Throwable> type) {
    FailureClassifier base = this;
    return failure -> !type.isInstance(failure) && base.isTransient(failure);
  }
}
