package io.sluice.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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

  @Test
  void canonicalJson_equalsTheSortedMapEncoding_forRandomRecords() {
    Random random = new Random(11);
    for (int n = 0; n < 20_000; n++) {
      AuditRecord r = randomRecord(random);
      assertThat(AuditHash.canonicalJson(r, false))
          .isEqualTo(SortedMapEncoding.canonicalJson(r, false));
      assertThat(r.toJson()).isEqualTo(SortedMapEncoding.canonicalJson(r, true));
    }
  }

  @Test
  void hash_isTheSameOnEveryThread() throws Exception {
    AuditRecord r = AuditRecord.chained("gw-1", 1, ENTRY, null, AuditHash.GENESIS);
    try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
      List<Future<String>> hashes = new ArrayList<>();
      for (int i = 0; i < 64; i++) {
        hashes.add(pool.submit(() -> AuditHash.hash("gw-1", 1, ENTRY, null, AuditHash.GENESIS)));
      }
      for (Future<String> h : hashes) {
        assertThat(h.get()).isEqualTo(r.hash());
      }
    }
  }

  private static AuditRecord randomRecord(Random random) {
    AuditEntry.Builder b =
        AuditEntry.builder(
                new AuditIdentity(
                    text(random, "jwt"),
                    text(random, "id"),
                    text(random, "iss"),
                    maybe(random),
                    maybe(random)),
                AuditAction.values()[random.nextInt(AuditAction.values().length)],
                maybe(random))
            .eventId(maybe(random))
            .idempotencyKey(maybe(random))
            .rule(maybe(random), maybe(random))
            .remoteAddress(maybe(random))
            .correlationId(maybe(random))
            .traceId(maybe(random))
            .time(
                Instant.ofEpochSecond(
                    random.nextInt(2_000_000_000), random.nextInt(1_000_000_000)));
    AuditEntry entry =
        random.nextBoolean()
            ? b.allowed(random.nextInt(1000), maybe(random)).error(maybe(random)).build()
            : b.denied(random.nextInt(1000), maybe(random)).build();
    RetentionCut cut =
        random.nextInt(4) == 0
            ? new RetentionCut(1 + random.nextInt(1 << 20), text(random, "h"))
            : null;
    return AuditRecord.chained(
        text(random, "c"), 1 + random.nextLong(Long.MAX_VALUE - 1), entry, cut, AuditHash.GENESIS);
  }

  private static String maybe(Random random) {
    return random.nextInt(3) == 0 ? null : text(random, "");
  }

  private static String text(Random random, String prefix) {
    StringBuilder s = new StringBuilder(prefix);
    for (int i = random.nextInt(12); i > 0; i--) {
      s.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
    }
    return s.toString();
  }

  private static final String ALPHABET = "ab.-_/\\\"\n\t\u0001\u001fé€😀 Z09";
}
