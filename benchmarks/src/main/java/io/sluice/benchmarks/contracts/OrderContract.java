package io.sluice.benchmarks.contracts;

import io.sluice.envelope.CloudEvent;
import io.sluice.envelope.JsonFormat;
import io.sluice.subject.Subject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Locale;

/**
 * A realistic event contract, an order with ten members (patterned strings, an email, enums, a
 * timestamp, bounded numbers and an array of line items), and valid structured events of it whose
 * {@code data} is an exact number of bytes.
 */
final class OrderContract {
  static final String TYPE = "order.created";
  static final int VERSION = 1;
  static final Subject SUBJECT = Subject.of("orders.eu.created");
  static final String SUBJECT_PATTERN = "orders.>";

  static final String SCHEMA =
      """
      {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "OrderCreated",
        "type": "object",
        "required": ["orderId", "customerId", "email", "status", "currency", "channel",
                     "placedAt", "total", "lines"],
        "properties": {
          "orderId": {"type": "string", "pattern": "^ord-[0-9]{6,12}$"},
          "customerId": {"type": "string", "pattern": "^c-[0-9a-f]{8}$"},
          "email": {"type": "string", "format": "email", "maxLength": 254},
          "status": {"enum": ["placed", "paid", "shipped", "cancelled"]},
          "currency": {"enum": ["EUR", "USD", "GBP", "CHF", "JPY"]},
          "channel": {"enum": ["web", "app", "store", "phone"]},
          "placedAt": {"type": "string", "format": "date-time"},
          "total": {"type": "number", "minimum": 0, "maximum": 1000000},
          "note": {"type": "string", "maxLength": 8192},
          "lines": {
            "type": "array",
            "minItems": 1,
            "maxItems": 500,
            "items": {
              "type": "object",
              "required": ["sku", "qty", "price"],
              "additionalProperties": false,
              "properties": {
                "sku": {"type": "string", "pattern": "^SKU-[0-9]{4,8}$"},
                "qty": {"type": "integer", "minimum": 1, "maximum": 999},
                "price": {"type": "number", "exclusiveMinimum": 0, "maximum": 100000}
              }
            }
          }
        }
      }
      """;

  private static final String NOTE_MEMBER = ",\"note\":\"\"";
  private static final int LINE_BYTES_MAX = 48;

  private OrderContract() {}

  /** A valid event whose {@code data} is exactly {@code dataBytes} long, as structured JSON. */
  static byte[] structuredEvent(int dataBytes) {
    return JsonFormat.encode(event(dataBytes));
  }

  static CloudEvent event(int dataBytes) {
    return CloudEvent.builder()
        .id("7f3c2a1e-5b7d-4c61-9a0e-2f4b8d6c1a90")
        .source("/shop/checkout")
        .type(TYPE)
        .time(Instant.parse("2026-11-23T14:00:00Z"))
        .extension("eventversion", VERSION)
        .data("application/json", data(dataBytes))
        .build();
  }

  /** Order JSON of exactly {@code size} bytes: as many line items as fit, then a padded note. */
  static byte[] data(int size) {
    int count = lineCount(size);
    StringBuilder lines = new StringBuilder(line(1));
    for (int n = 2; n <= count; n++) {
      lines.append(',').append(line(n));
    }
    String withoutNote = head(count) + lines + "]" + NOTE_MEMBER + "}";
    int padding = size - withoutNote.length();
    if (padding < 0) {
      throw new IllegalArgumentException(
          "an order needs at least " + withoutNote.length() + " bytes but size was " + size);
    }
    String json = head(count) + lines + "],\"note\":\"" + "n".repeat(padding) + "\"}";
    return json.getBytes(StandardCharsets.US_ASCII);
  }

  /** How many line items the order in {@code size} bytes of data has: as many as fit. */
  static int lineCount(int size) {
    int count = 1;
    int linesLength = line(1).length();
    while (head(count + 1).length() + linesLength + LINE_BYTES_MAX + tailLength() <= size) {
      count++;
      linesLength += 1 + line(count).length();
    }
    return count;
  }

  private static int tailLength() {
    return ("]" + NOTE_MEMBER + "}").length();
  }

  private static String head(int lineCount) {
    return String.format(
        Locale.ROOT,
        "{\"orderId\":\"ord-104211\",\"customerId\":\"c-0a1b2c3d\",\"email\":\"ana@example.com\","
            + "\"status\":\"placed\",\"currency\":\"EUR\",\"channel\":\"web\","
            + "\"placedAt\":\"2026-11-23T14:00:00Z\",\"total\":%.2f,\"lines\":[",
        total(lineCount));
  }

  private static String line(int n) {
    return String.format(
        Locale.ROOT,
        "{\"sku\":\"SKU-%04d\",\"qty\":%d,\"price\":%.2f}",
        1000 + n,
        qty(n),
        price(n));
  }

  private static double total(int lineCount) {
    double sum = 0;
    for (int n = 1; n <= lineCount; n++) {
      sum += qty(n) * price(n);
    }
    return sum;
  }

  private static int qty(int n) {
    return 1 + n % 5;
  }

  private static double price(int n) {
    return 4.95 + (n * 7) % 90;
  }
}
