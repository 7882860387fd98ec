package io.sluice.envelope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** Events and JSON documents the envelope tests share. */
final class TestEvents {
  private TestEvents() {}

  static CloudEvent.Builder minimal() {
    return CloudEvent.builder().id("evt-1").source("/orders").type("com.example.order.created");
  }

  static CloudEvent full() {
    return minimal()
        .dataContentType("application/json")
        .dataSchema(URI.create("https://schemas.example.com/order/1"))
        .subject("orders/42")
        .time(Instant.parse("2024-05-01T12:00:00.123Z"))
        .extension(Extensions.CORRELATION_ID, "c-7")
        .extension("retries", 3)
        .extension("urgent", true)
        .data("{\"orderId\":42}".getBytes(StandardCharsets.UTF_8))
        .build();
  }

  static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  /** A structured event with the given members added after the three required ones. */
  static byte[] json(String extraMembers) {
    String base =
        "{\"specversion\":\"1.0\",\"id\":\"evt-1\",\"source\":\"/orders\","
            + "\"type\":\"com.example.order.created\"";
    return utf8(extraMembers.isEmpty() ? base + "}" : base + "," + extraMembers + "}");
  }

  /** The violations the call throws; fails when it throws anything but InvalidEventException. */
  static List<Violation> violations(ThrowingCallable call) {
    Throwable thrown = catchThrowable(call);
    assertThat(thrown).isInstanceOf(InvalidEventException.class);
    return ((InvalidEventException) thrown).violations();
  }

  /** Attribute and rule of each violation, as "attribute:rule". */
  static List<String> rules(ThrowingCallable call) {
    return violations(call).stream().map(v -> v.attribute() + ":" + v.rule()).toList();
  }
}
