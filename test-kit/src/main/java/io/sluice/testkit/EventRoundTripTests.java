package io.sluice.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.envelope.CloudEvent;
import io.sluice.envelope.Extensions;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Extensions are compared in their canonical string form: bindings that carry them as headers
 * cannot tell the string {@code "3"} from the integer 3.
 */
abstract class EventRoundTripTests extends KitTests {

  @Test
  void everyAttribute_survivesTheRoundTrip() {
    CloudEvent sent =
        CloudEvent.builder()
            .id("full-1")
            .source("https://example.com/orders")
            .type("com.example.order.created")
            .dataContentType("application/json")
            .dataSchema(URI.create("https://example.com/schemas/order-1.json"))
            .subject("order-42")
            .time(Instant.parse("2026-03-04T05:06:07.890Z"))
            .data("{\"total\":12.5}".getBytes(StandardCharsets.UTF_8))
            .extension(Extensions.EVENT_VERSION, "2")
            .extension(Extensions.CORRELATION_ID, "corr-7")
            .extension("flag", true)
            .extension("attempt", 3)
            .build();

    CloudEvent received = roundTrip(sent);

    assertThat(received.id()).isEqualTo(sent.id());
    assertThat(received.source()).isEqualTo(sent.source());
    assertThat(received.type()).isEqualTo(sent.type());
    assertThat(received.dataContentType()).isEqualTo(sent.dataContentType());
    assertThat(received.dataSchema()).isEqualTo(sent.dataSchema());
    assertThat(received.subject()).isEqualTo(sent.subject());
    assertThat(received.time()).isEqualTo(sent.time());
    assertThat(received.data()).hasValueSatisfying(d -> assertThat(d).isEqualTo(bytes(sent)));
    assertThat(stringExtensions(received)).containsAllEntriesOf(stringExtensions(sent));
  }

  @Test
  void unicodeText_survivesTheRoundTrip() {
    String text = "Grüße, ünïcödé 你好 مرحبا 🚀";
    CloudEvent sent =
        eventBuilder("unicode-1")
            .data("text/plain; charset=utf-8", text.getBytes(StandardCharsets.UTF_8))
            .subject("naïve-subject-✓")
            .extension(Extensions.CORRELATION_ID, "corrélation-✓")
            .build();

    CloudEvent received = roundTrip(sent);

    assertThat(new String(bytes(received), StandardCharsets.UTF_8)).isEqualTo(text);
    assertThat(received.subject()).contains("naïve-subject-✓");
    assertThat(received.extensionAsString(Extensions.CORRELATION_ID)).contains("corrélation-✓");
  }

  @Test
  void binaryData_survivesTheRoundTripByteForByte() {
    byte[] everyByte = new byte[256];
    for (int i = 0; i < everyByte.length; i++) {
      everyByte[i] = (byte) i;
    }
    CloudEvent sent = eventBuilder("binary-1").data("application/octet-stream", everyByte).build();

    CloudEvent received = roundTrip(sent);

    assertThat(bytes(received)).isEqualTo(everyByte);
    assertThat(received.dataContentType()).contains("application/octet-stream");
  }

  @Test
  void emptyData_arrivesEmpty() {
    CloudEvent sent = eventBuilder("empty-1").data("text/plain", new byte[0]).build();

    CloudEvent received = roundTrip(sent);

    assertThat(received.dataLength()).isZero();
  }

  @Test
  void eventWithoutData_arrivesWithoutData() {
    CloudEvent sent = CloudEvent.builder().id("bare-1").source(SOURCE).type(TYPE).build();

    CloudEvent received = roundTrip(sent);

    assertThat(received.dataLength()).isZero();
    assertThat(received.id()).isEqualTo("bare-1");
  }

  @Test
  void traceAndIdentityExtensions_surviveTheRoundTrip() {
    CloudEvent sent =
        eventBuilder("traced-1")
            .extension(
                Extensions.TRACEPARENT, "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")
            .extension(Extensions.TRACESTATE, "vendor=value")
            .extension(Extensions.AUTH_TYPE, "user")
            .extension(Extensions.AUTH_ID, "alice@example.com")
            .extension(Extensions.PARTITION_KEY, "customer-9")
            .build();

    CloudEvent received = roundTrip(sent);

    assertThat(stringExtensions(received)).containsAllEntriesOf(stringExtensions(sent));
  }

  @Test
  void delivery_carriesThePublishedSubject() {
    RecordingHandler handler = RecordingHandler.autoAck();
    subscribe("trip.>", handler);

    publish(subject("trip.eu.created"), event("e-1"));

    await().until(() -> handler.count() == 1);
    assertThat(handler.get(0).subject()).isEqualTo(subject("trip.eu.created"));
  }

  private CloudEvent roundTrip(CloudEvent sent) {
    RecordingHandler handler = RecordingHandler.autoAck();
    subscribe("trip", handler);
    publish(subject("trip"), sent);
    await().until(() -> handler.count() == 1);
    return handler.get(0).event();
  }

  private static byte[] bytes(CloudEvent event) {
    return event.data().orElse(new byte[0]);
  }

  private static Map<String, String> stringExtensions(CloudEvent event) {
    Map<String, String> result = new java.util.HashMap<>();
    event.extensions().forEach((name, value) -> result.put(name, String.valueOf(value)));
    return result;
  }
}
