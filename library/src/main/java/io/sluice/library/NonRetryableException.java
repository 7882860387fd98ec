package io.sluice.library;

/**
 * Thrown by a handler when trying again cannot help (a business rule refused the event). The event
 * goes straight to the dead-letter subject, if one is configured, without retries.
 */
public class NonRetryableException extends RuntimeException {
  public NonRetryableException(String message) {
    super(message);
  }

  public NonRetryableException(String message, Throwable cause) {
    super(message, cause);
  }
}
