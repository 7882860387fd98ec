package io.sluice.contracts;

/** The schema store could not be reached, prepared, read or written. */
public class SchemaStoreException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public SchemaStoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
