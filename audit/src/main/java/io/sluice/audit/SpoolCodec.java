package io.sluice.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/** One spool line: a JSON object with the ticket and every entry field. */
final class SpoolCodec {
  private static final ObjectMapper JSON = new ObjectMapper();

  private SpoolCodec() {}

  static String encode(SpoolItem item) {
    AuditEntry e = item.entry();
    ObjectNode n = JSON.createObjectNode();
    n.put("run", item.run());
    n.put("ticket", item.ticket());
    n.put("time", e.time().toString());
    n.put("identityType", e.identity().type());
    n.put("identityId", e.identity().id());
    n.put("identityIssuer", e.identity().issuer());
    n.put("apiKeyId", e.identity().apiKeyId());
    n.put("certificateSubject", e.identity().certificateSubject());
    n.put("action", e.action().wireName());
    n.put("subject", e.subject());
    n.put("eventId", e.eventId());
    n.put("idempotencyKey", e.idempotencyKey());
    n.put("outcome", e.outcome().wireName());
    n.put("status", e.status());
    n.put("receipt", e.receipt());
    n.put("error", e.error());
    n.put("rule", e.rule());
    n.put("policyVersion", e.policyVersion());
    n.put("remoteAddress", e.remoteAddress());
    n.put("correlationId", e.correlationId());
    n.put("traceId", e.traceId());
    return n.toString();
  }

  static SpoolItem decode(String line) throws JsonProcessingException {
    JsonNode n = JSON.readTree(line);
    AuditIdentity identity =
        new AuditIdentity(
            text(n, "identityType"),
            text(n, "identityId"),
            text(n, "identityIssuer"),
            text(n, "apiKeyId"),
            text(n, "certificateSubject"));
    AuditEntry entry =
        new AuditEntry(
            Instant.parse(text(n, "time")),
            identity,
            AuditAction.fromWireName(text(n, "action")),
            text(n, "subject"),
            text(n, "eventId"),
            text(n, "idempotencyKey"),
            AuditOutcome.fromWireName(text(n, "outcome")),
            n.path("status").asInt(),
            text(n, "receipt"),
            text(n, "error"),
            text(n, "rule"),
            text(n, "policyVersion"),
            text(n, "remoteAddress"),
            text(n, "correlationId"),
            text(n, "traceId"));
    return new SpoolItem(text(n, "run"), n.path("ticket").asLong(), entry);
  }

  private static String text(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }
}
