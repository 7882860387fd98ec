package io.sluice.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class AuditHashTest {
  private static final AuditEntry ENTRY =
      AuditEntry.builder(
              AuditIdentity.apiKey("key-7", "billing"), AuditAction.BATCH_ITEM, "orders.eu")
          .allowed(202, "stream ORDERS seq 9")
          .rule("role/writer", "p1")
          .eventId("e-1")
          .time(Instant.parse("2026-01-02T03:04:05.000006789Z"))
          .build();

  @Test
  void canonicalJson_sortsKeys_writesNulls_andFixesTimePrecision() {
    AuditRecord r = AuditRecord.chained("gw-1", 1, ENTRY, null, AuditHash.GENESIS);

    assertThat(AuditHash.canonicalJson(r, false))
        .isEqualTo(
            "{\"action\":\"batch-item\",\"apiKeyId\":\"key-7\",\"certificateSubject\":null,"
                + "\"chain\":\"gw-1\",\"correlationId\":null,\"cutHash\":null,\"cutSeq\":null,"
                + "\"error\":null,\"eventId\":\"e-1\",\"idempotencyKey\":null,\"identityId\":\"billing\","
                + "\"identityIssuer\":\"sluice\",\"identityType\":\"apikey\","
                + "\"outcome\":\"allowed\",\"policyVersion\":\"p1\","
                + "\"prevHash\":\""
                + AuditHash.GENESIS
                + "\",\"receipt\":\"stream ORDERS seq 9\","
                + "\"remoteAddress\":null,\"rule\":\"role/writer\",\"seq\":1,\"status\":202,"
                + "\"subject\":\"orders.eu\",\"time\":\"2026-01-02T03:04:05.000006Z\","
                + "\"traceId\":null,\"v\":1}");
  }

  @Test
  void hash_isSha256HexOfTheCanonicalJson() {
    AuditRecord r = AuditRecord.chained("gw-1", 1, ENTRY, null, AuditHash.GENESIS);

    assertThat(r.hash()).hasSize(64).isEqualTo(AuditHash.sha256(AuditHash.canonicalJson(r, false)));
    assertThat(r.hashMatches()).isTrue();
  }

  @Test
  void strings_areEscapedAsJcs() {
    StringBuilder out = new StringBuilder();
    AuditHash.appendString(out, "a\"b\\c\nd\u0001é");
    assertThat(out).hasToString("\"a\\\"b\\\\c\\nd\\u0001é\"");
  }

  @Test
  void hash_changesWithSeqChainOrPrevHash() {
    AuditRecord a = AuditRecord.chained("gw-1", 1, ENTRY, null, AuditHash.GENESIS);
    assertThat(AuditRecord.chained("gw-1", 2, ENTRY, null, AuditHash.GENESIS).hash())
        .isNotEqualTo(a.hash());
    assertThat(AuditRecord.chained("gw-2", 1, ENTRY, null, AuditHash.GENESIS).hash())
        .isNotEqualTo(a.hash());
    assertThat(AuditRecord.chained("gw-1", 1, ENTRY, null, a.hash()).hash()).isNotEqualTo(a.hash());
  }

  @Test
  void toJson_addsTheHash() {
    AuditRecord r = AuditRecord.chained("gw-1", 1, ENTRY, null, AuditHash.GENESIS);
    assertThat(r.toJson()).contains("\"hash\":\"" + r.hash() + "\"").startsWith("{\"action\"");
  }
}
