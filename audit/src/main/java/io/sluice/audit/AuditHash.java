package io.sluice.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * The documented hash of a record, so anyone can re-verify a chain without Sluice.
 *
 * <p>{@code hash = lowercase-hex(SHA-256(UTF-8(canonicalJson)))}. The canonical JSON is one object
 * holding every field (absent values as {@code null}), keys sorted, no whitespace, integers in
 * decimal, strings escaped as RFC 8785 (JCS) does: {@code \"}, {@code \\}, {@code \b \f \n \r \t},
 * other characters below U+0020 as backslash-u and four lowercase hex digits, everything else
 * literal. Times are UTC with exactly six fraction digits ({@code 2026-01-02T03:04:05.000006Z}).
 * Key {@code v} is the encoding version (1). The full key list is in docs/audit.md.
 */
public final class AuditHash {
  /** The {@code prevHash} of the first record of a chain: 64 zeros. */
  public static final String GENESIS = "0".repeat(64);

  static final int ENCODING_VERSION = 1;
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

  private AuditHash() {}

  /** The hash of a record with these fields. */
  public static String hash(
      String chain, long seq, AuditEntry entry, RetentionCut cut, String prevHash) {
    return sha256(canonicalJson(fields(chain, seq, entry, cut, prevHash)));
  }

  /** The canonical JSON that is hashed (without {@code hash}), or with it for publishing. */
  public static String canonicalJson(AuditRecord record, boolean withHash) {
    Map<String, Object> fields =
        fields(record.chain(), record.seq(), record.entry(), record.cut(), record.prevHash());
    if (withHash) {
      fields.put("hash", record.hash());
    }
    return canonicalJson(fields);
  }

  /** Formats a time the way the canonical encoding does. */
  public static String formatTime(Instant time) {
    return TIME.format(time);
  }

  private static Map<String, Object> fields(
      String chain, long seq, AuditEntry e, RetentionCut cut, String prevHash) {
    Map<String, Object> f = new TreeMap<>();
    f.put("v", ENCODING_VERSION);
    f.put("chain", chain);
    f.put("seq", seq);
    f.put("time", formatTime(e.time()));
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
    f.put("cutSeq", cut == null ? null : cut.lastDeletedSeq());
    f.put("cutHash", cut == null ? null : cut.lastDeletedHash());
    f.put("prevHash", prevHash);
    return f;
  }

  static String canonicalJson(Map<String, Object> sortedFields) {
    StringBuilder out = new StringBuilder(512).append('{');
    for (Map.Entry<String, Object> field : sortedFields.entrySet()) {
      if (out.length() > 1) {
        out.append(',');
      }
      appendString(out, field.getKey());
      out.append(':');
      appendValue(out, field.getValue());
    }
    return out.append('}').toString();
  }

  private static void appendValue(StringBuilder out, Object value) {
    if (value == null) {
      out.append("null");
    } else if (value instanceof Number n) {
      out.append(n.longValue());
    } else {
      appendString(out, value.toString());
    }
  }

  static void appendString(StringBuilder out, String s) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> appendPlain(out, c);
      }
    }
    out.append('"');
  }

  private static void appendPlain(StringBuilder out, char c) {
    if (c < 0x20) {
      out.append(String.format("\\u%04x", (int) c));
    } else {
      out.append(c);
    }
  }

  static String sha256(String text) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-256", e);
    }
  }
}
