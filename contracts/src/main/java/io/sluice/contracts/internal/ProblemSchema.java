package io.sluice.contracts.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** The RFC 9457 problem details object, with the {@code violations} extension Sluice adds. */
final class ProblemSchema {
  private ProblemSchema() {}

  static ObjectNode node() {
    ObjectNode schema = Json.object().put("type", "object");
    schema.put("description", "RFC 9457 problem details");
    ObjectNode p = schema.putObject("properties");
    p.putObject("type").put("type", "string").put("format", "uri-reference");
    p.putObject("title").put("type", "string");
    p.putObject("status").put("type", "integer").put("minimum", 100).put("maximum", 599);
    p.putObject("detail").put("type", "string");
    p.putObject("instance").put("type", "string").put("format", "uri-reference");
    ObjectNode violation = p.putObject("violations").put("type", "array").putObject("items");
    violation.put("type", "object");
    ObjectNode v = violation.putObject("properties");
    v.putObject("pointer").put("type", "string");
    v.putObject("rule").put("type", "string");
    v.putObject("message").put("type", "string");
    schema.putArray("required").add("title").add("status");
    return schema;
  }
}
