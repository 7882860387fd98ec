package io.sluice.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** An embedded store that opens slowly is waited for at start, not taken for an unreachable one. */
class EmbeddedStoreStartTest {
  /** Every new connection to this database first pauses for 1.5 s, like a first open under load. */
  private static String slowToOpen() {
    return "jdbc:h2:mem:slow-"
        + UUID.randomUUID()
        + ";INIT=CREATE ALIAS IF NOT EXISTS PAUSE FOR"
        + " 'java.util.concurrent.locks.LockSupport.parkNanos'\\;CALL PAUSE(1500000000)";
  }

  @Test
  void embeddedStoreSlowerToOpenThanConnectTimeout_isWaitedFor_andTheLogAcceptsAtOnce() {
    AuditConfig config =
        AuditConfig.builder()
            .store(slowToOpen())
            .chain("slow-open")
            .connectTimeout(Duration.ofMillis(500))
            .build();

    try (AuditLog log = AuditLog.open(config)) {
      assertThat(log.isAccepting()).isTrue();
      assertThat(log.append(Entries.published("alice", "orders.eu", "e-1")))
          .isEqualTo(AppendResult.QUEUED);
      await().until(() -> log.stats().written() == 1);
    }
  }
}
