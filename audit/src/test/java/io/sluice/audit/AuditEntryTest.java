package io.sluice.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class AuditEntryTest {
  private static final AuditIdentity ALICE =
      AuditIdentity.of("jwt", "alice", "https://issuer.test");
  private static final String TOKEN = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhbGljZSJ9.c2lnbmF0dXJl";

  @Test
  void builder_scrubsFreeTextFields() {
    AuditEntry entry =
        AuditEntry.builder(ALICE, AuditAction.PUBLISH, "orders." + TOKEN)
            .denied(401, "token rejected: Bearer " + TOKEN)
            .rule("rule " + TOKEN, "v1")
            .eventId(TOKEN)
            .idempotencyKey("basic abc")
            .build();

    assertThat(entry.toString()).doesNotContain(TOKEN).doesNotContain("basic abc");
    assertThat(entry.error()).isEqualTo("token rejected: [redacted]");
  }

  @Test
  void stampedAt_copiesTheEntryWithTheTime() {
    AuditEntry entry =
        AuditEntry.builder(ALICE, AuditAction.PUBLISH, "orders.eu")
            .allowed(202, "stream ORDERS seq 1")
            .eventId("e-1")
            .build();
    Instant now = Instant.parse("2026-03-01T10:00:00.123456789Z");

    AuditEntry stamped = entry.stampedAt(now);

    assertThat(stamped.time()).isEqualTo(Instant.parse("2026-03-01T10:00:00.123456Z"));
    assertThat(stamped).usingRecursiveComparison().ignoringFields("time").isEqualTo(entry);
    assertThat(stamped.stampedAt(now.plusSeconds(1))).isSameAs(stamped);
  }

  @Test
  void canonicalConstructor_keepsValuesAsGiven_soStoredRecordsReadBackExactly() {
    AuditEntry read =
        new AuditEntry(
            Instant.EPOCH,
            ALICE,
            AuditAction.PUBLISH,
            "orders.eu",
            null,
            null,
            AuditOutcome.DENIED,
            401,
            null,
            "Bearer forged-into-the-row",
            null,
            null,
            null,
            null,
            null);

    assertThat(read.error()).isEqualTo("Bearer forged-into-the-row");
  }
}
