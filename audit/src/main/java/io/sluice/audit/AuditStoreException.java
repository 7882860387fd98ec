package io.sluice.audit;

/** The audit store could not be reached or answered with an error. */
public final class AuditStoreException extends RuntimeException {
  public AuditStoreException(String message, Throwable cause) {
    super(message, cause);
  }

  public AuditStoreException(String message) {
    super(message);
  }
}
