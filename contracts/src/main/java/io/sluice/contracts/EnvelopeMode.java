package io.sluice.contracts;

/** How the CloudEvents envelope travels, which decides the shape of each generated message. */
public enum EnvelopeMode {
  /** The whole event is one JSON document; {@code data} is a member of it. */
  STRUCTURED,
  /** Attributes travel as {@code ce-*} headers; the payload is the data alone. */
  BINARY
}
