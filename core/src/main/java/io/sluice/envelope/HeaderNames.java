package io.sluice.envelope;

/**
 * The header names of the context attributes under one binding prefix, built once per prefix
 * instead of concatenated on every event.
 */
record HeaderNames(
    String specVersion,
    String id,
    String source,
    String type,
    String dataSchema,
    String subject,
    String time) {
  private static final HeaderNames HTTP = build(BinaryMode.HTTP_PREFIX);
  private static final HeaderNames KAFKA = build(BinaryMode.KAFKA_PREFIX);
  private static final HeaderNames AMQP = build(BinaryMode.AMQP_PREFIX);

  static HeaderNames of(String prefix) {
    return switch (prefix) {
      case BinaryMode.HTTP_PREFIX -> HTTP;
      case BinaryMode.KAFKA_PREFIX -> KAFKA;
      case BinaryMode.AMQP_PREFIX -> AMQP;
      default -> build(prefix);
    };
  }

  private static HeaderNames build(String prefix) {
    return new HeaderNames(
        prefix + Attributes.SPECVERSION,
        prefix + Attributes.ID,
        prefix + Attributes.SOURCE,
        prefix + Attributes.TYPE,
        prefix + Attributes.DATASCHEMA,
        prefix + Attributes.SUBJECT,
        prefix + Attributes.TIME);
  }
}
