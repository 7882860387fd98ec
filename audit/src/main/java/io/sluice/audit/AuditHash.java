package io.sluice.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;

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

  /**
   * A digest per thread: {@code digest()} resets it, and looking one up costs more than hashing.
   */
  private static final ThreadLocal<MessageDigest> SHA256 =
      ThreadLocal.withInitial(AuditHash::newSha256);

  private AuditHash() {}

  /** The hash of a record with these fields. */
  public static String hash(
      String chain, long seq, AuditEntry entry, RetentionCut cut, String prevHash) {
    return sha256(canonicalJson(chain, seq, entry, cut, prevHash, null));
  }

  /** The canonical JSON that is hashed (without {@code hash}), or with it for publishing. */
  public static String canonicalJson(AuditRecord record, boolean withHash) {
    return canonicalJson(
        record.chain(),
        record.seq(),
        record.entry(),
        record.cut(),
        record.prevHash(),
        withHash ? record.hash() : null);
  }

  /** Formats a time the way the canonical encoding does. */
  public static String formatTime(Instant time) {
    return TIME.format(time);
  }

  /**
   * Writes the fields in their sorted key order (the order docs/audit.md lists), {@code hash} only
   * when given. {@code AuditHashTest} checks it against a sorted-map encoding of the same fields.
   */
  private static String canonicalJson(
      String chain, long seq, AuditEntry e, RetentionCut cut, String prevHash, String hash) {
    AuditIdentity who = e.identity();
    return new CanonicalJson()
        .field("action", e.action().wireName())
        .field("apiKeyId", who.apiKeyId())
        .field("certificateSubject", who.certificateSubject())
        .field("chain", chain)
        .field("correlationId", e.correlationId())
        .field("cutHash", cut == null ? null : cut.lastDeletedHash())
        .field("cutSeq", cut == null ? null : cut.lastDeletedSeq())
        .field("error", e.error())
        .field("eventId", e.eventId())
        .fieldIfPresent("hash", hash)
        .field("idempotencyKey", e.idempotencyKey())
        .field("identityId", who.id())
        .field("identityIssuer", who.issuer())
        .field("identityType", who.type())
        .field("outcome", e.outcome().wireName())
        .field("policyVersion", e.policyVersion())
        .field("prevHash", prevHash)
        .field("receipt", e.receipt())
        .field("remoteAddress", e.remoteAddress())
        .field("rule", e.rule())
        .field("seq", seq)
        .field("status", (long) e.status())
        .field("subject", e.subject())
        .field("time", formatTime(e.time()))
        .field("traceId", e.traceId())
        .field("v", (long) ENCODING_VERSION)
        .end();
  }

  static void appendString(StringBuilder out, String s) {
    out.append('"');
    int plainFrom = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= 0x20 && c != '"' && c != '\\') {
        continue;
      }
      out.append(s, plainFrom, i);
      plainFrom = i + 1;
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> out.append(String.format("\\u%04x", (int) c));
      }
    }
    out.append(s, plainFrom, s.length()).append('"');
  }

  static String sha256(String text) {
    MessageDigest digest = SHA256.get();
    return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
  }

  private static MessageDigest newSha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-256", e);
    }
  }
}
