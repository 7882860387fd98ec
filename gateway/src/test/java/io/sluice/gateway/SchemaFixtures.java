package io.sluice.gateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Schema files and the {@code schemas} YAML section the contract tests start gateways with. */
final class SchemaFixtures {
  static final String ORDER_V1 =
      """
      {"$schema": "https://json-schema.org/draft/2020-12/schema",
       "type": "object", "required": ["orderId", "amount"],
       "properties": {
         "orderId": {"type": "string"},
         "amount": {"type": "integer", "maximum": 1000},
         "email": {"type": "string", "format": "email"}}}
      """;
  static final String ORDER_V2_COMPATIBLE =
      """
      {"$schema": "https://json-schema.org/draft/2020-12/schema",
       "type": "object", "required": ["orderId", "amount"],
       "properties": {
         "orderId": {"type": "string"},
         "amount": {"type": "integer", "maximum": 1000},
         "email": {"type": "string", "format": "email"},
         "note": {"type": "string"}}}
      """;
  static final String ORDER_V2_BREAKING =
      """
      {"$schema": "https://json-schema.org/draft/2020-12/schema",
       "type": "object", "required": ["orderId", "amount", "currency"],
       "properties": {
         "orderId": {"type": "string"},
         "amount": {"type": "integer", "maximum": 1000},
         "currency": {"type": "string"}}}
      """;

  private SchemaFixtures() {}

  /**
   * A schema directory {@code <root>/schemas} holding {@code order.created/1.json}, and a section.
   */
  static String section(Path root, String unknownTypes) {
    Path dir = root.resolve("schemas");
    try {
      Files.createDirectories(dir.resolve("order.created"));
      Files.writeString(dir.resolve("order.created/1.json"), ORDER_V1);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return """
        schemas:
          dir: "%s"
          unknownTypes: %s
          bindings:
            - {type: order.created, subjects: ["orders.eu", "orders.eu.>"]}
          store: {url: "jdbc:h2:file:%s"}
        """
        .formatted(dir, unknownTypes, root.resolve("store"));
  }

  /** A structured CloudEvent of the given type with the given data. */
  static String event(String type, String data) {
    return """
        {"specversion": "1.0", "id": "e-%s", "source": "/test", "type": "%s",
         "datacontenttype": "application/json", "data": %s}
        """
        .formatted(Math.abs(data.hashCode()), type, data);
  }
}
