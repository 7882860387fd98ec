package io.sluice.contracts;

/** A schema document is not JSON, not an object, or not a valid draft 2020-12 schema. */
public class InvalidSchemaException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public InvalidSchemaException(String message) {
    super(message);
  }

  public InvalidSchemaException(String message, Throwable cause) {
    super(message, cause);
  }
}
