package io.sluice.envelope;

import java.util.List;

/**
 * The CloudEvents JSON event format (structured mode): one event as a JSON object, a batch as a
 * JSON array. Decoding is strict and reports every violation with the attribute and rule.
 *
 * <p>When {@code datacontenttype} is JSON ({@code application/json}, any {@code +json} type, or
 * absent) the payload is embedded as the {@code data} value itself; other payloads travel as {@code
 * data_base64}. On decoding, a string {@code data} with a non-JSON content type is that text in
 * UTF-8. Decoding any input throws nothing but {@link InvalidEventException}.
 */
public final class JsonFormat {
  /** Media type of one structured event. */
  public static final String CONTENT_TYPE = "application/cloudevents+json";

  /** Media type of a batch of structured events. */
  public static final String BATCH_CONTENT_TYPE = "application/cloudevents-batch+json";

  private JsonFormat() {}

  /** One event as JSON bytes (UTF-8). */
  public static byte[] encode(CloudEvent event) {
    return JsonEventWriter.write(event);
  }

  /** Parses one event; throws {@link InvalidEventException} naming every broken rule. */
  public static CloudEvent decode(byte[] json) {
    return JsonEventReader.readEvent(json);
  }

  /** A batch as a JSON array. */
  public static byte[] encodeBatch(List<CloudEvent> events) {
    return JsonEventWriter.writeBatch(events);
  }

  /** Parses a batch; violations name the element index, e.g. {@code [2].type}. */
  public static List<CloudEvent> decodeBatch(byte[] json) {
    return JsonEventReader.readBatch(json);
  }
}
