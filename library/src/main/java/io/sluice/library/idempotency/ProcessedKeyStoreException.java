package io.sluice.library.idempotency;

/** The processed-key store could not be read or written; the event is retried, not skipped. */
public final class ProcessedKeyStoreException extends RuntimeException {
  public ProcessedKeyStoreException(String message, Throwable cause) {
    super(message + ": " + cause.getMessage(), cause);
  }
}
