package io.sluice.audit;

import java.util.Map;
import java.util.TreeMap;

/**
 * The reference model of the canonical encoding: every field put into a sorted map, then written in
 * the map's order (what {@link AuditHash} did before it wrote the fields in a fixed order).
 */
final class SortedMapEncoding {
  private SortedMapEncoding() {}

  static String canonicalJson(AuditRecord r, boolean withHash) {
    AuditEntry e = r.entry();
    Map<String, Object> f = new TreeMap<>();
    f.put("v", 1);
    f.put("chain", r.chain());
    f.put("seq", r.seq());
    f.put("time", AuditHash.formatTime(e.time()));
    f.put("identityType", e.identity().type());
    f.put("identityId", e.identity().id());
    f.put("identityIssuer", e.identity().issuer());
    f.put("apiKeyId", e.identity().apiKeyId());
    f.put("certificateSubject", e.identity().certificateSubject());
    f.put("action", e.action().wireName());
    f.put("subject", e.subject());
    f.put("eventId", e.eventId());
    f.put("idempotencyKey", e.idempotencyKey());
    f.put("outcome", e.outcome().wireName());
    f.put("status", e.status());
    f.put("receipt", e.receipt());
    f.put("error", e.error());
    f.put("rule", e.rule());
    f.put("policyVersion", e.policyVersion());
    f.put("remoteAddress", e.remoteAddress());
    f.put("correlationId", e.correlationId());
    f.put("traceId", e.traceId());
    f.put("cutSeq", r.cut() == null ? null : r.cut().lastDeletedSeq());
    f.put("cutHash", r.cut() == null ? null : r.cut().lastDeletedHash());
    f.put("prevHash", r.prevHash());
    if (withHash) {
      f.put("hash", r.hash());
    }
    StringBuilder out = new StringBuilder().append('{');
    for (Map.Entry<String, Object> field : f.entrySet()) {
      out.append(out.length() > 1 ? "," : "");
      AuditHash.appendString(out, field.getKey());
      out.append(':');
      Object v = field.getValue();
      if (v == null) {
        out.append("null");
      } else if (v instanceof Number n) {
        out.append(n.longValue());
      } else {
        AuditHash.appendString(out, v.toString());
      }
    }
    return out.append('}').toString();
  }
}
