package io.sluice.benchmarks.components;

import io.sluice.envelope.CloudEvent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Locale;

/**
 * An order event whose JSON {@code data} is exactly a given number of bytes: a few order members,
 * as many line items as fit, then a padded note, so larger events have more structure to parse and
 * not only a longer string.
 */
final class EventFixture {
  private static final String HEAD =
      "{\"orderId\":\"ord-104211\",\"customerId\":\"c-0a1b2c3d\",\"status\":\"placed\","
          + "\"currency\":\"EUR\",\"placedAt\":\"2026-11-23T14:00:00Z\",\"lines\":[";
  private static final String NOTE = "],\"note\":\"";
  private static final String TAIL = "\"}";
  private static final int LINE_MAX = 48;

  private EventFixture() {}

  static CloudEvent event(int dataBytes) {
    return CloudEvent.builder()
        .id("7f3c2a1e-5b7d-4c61-9a0e-2f4b8d6c1a90")
        .source("/shop/checkout")
        .type("order.created")
        .subject("orders.eu.created")
        .time(Instant.parse("2026-11-23T14:00:00Z"))
        .extension("tenant", "acme")
        .data("application/json", data(dataBytes))
        .build();
  }

  static byte[] data(int size) {
    StringBuilder json = new StringBuilder(HEAD).append(line(1));
    for (int n = 2; json.length() + LINE_MAX + NOTE.length() + TAIL.length() <= size; n++) {
      json.append(',').append(line(n));
    }
    int padding = size - json.length() - NOTE.length() - TAIL.length();
    if (padding < 0) {
      throw new IllegalArgumentException("data needs at least " + json.length() + " bytes");
    }
    json.append(NOTE).append("n".repeat(padding)).append(TAIL);
    return json.toString().getBytes(StandardCharsets.US_ASCII);
  }

  private static String line(int n) {
    return String.format(
        Locale.ROOT,
        "{\"sku\":\"SKU-%04d\",\"qty\":%d,\"price\":%.2f}",
        1000 + n,
        1 + n % 5,
        4.95 + (n * 7) % 90);
  }
}
