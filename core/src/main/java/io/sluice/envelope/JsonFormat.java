package io.sluice.envelope;

import java.util.List;

/**
 * The CloudEvents JSON event format (structured mode): one event as a JSON object, a batch as a
 * JSON array. Decoding is strict and reports every violation with the attribute and rule.
 */
public final class JsonFormat {
  /** Media type of one structured event. */
  public static final String CONTENT_TYPE = "application/cloudevents+json";

  /** Media type of a batch of structured events. */
  public static final String BATCH_CONTENT_TYPE = "application/cloudevents-batch+json";

  private JsonFormat() {}

  /** One event as JSON bytes (UTF-8). */
  public static byte[] encode(CloudEvent event) {
    throw new UnsupportedOperationException("not yet implemented");
  }

  /** Parses one event; throws {@link InvalidEventException} naming every broken rule. */
  public static CloudEvent decode(byte[] json) {
    throw new UnsupportedOperationException("not yet implemented");
  }

  /** A batch as a JSON array. */
  public static byte[] encodeBatch(List<CloudEvent> events) {
    throw new UnsupportedOperationException("not yet implemented");
  }

  /** Parses a batch; violations name the element index, e.g. {@code [2].type}. */
  public static List<CloudEvent> decodeBatch(byte[] json) {
    throw new UnsupportedOperationException("not yet implemented");
  }
}
