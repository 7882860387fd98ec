package io.sluice.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.broker.AckMode;
import io.sluice.broker.PublishReceipt;
import io.sluice.subject.Subject;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Group commit shares syncs among concurrent durable writes; {@code always} never does. */
class FsyncPolicyTest {
  private static final int PUBLISHES = 500;

  @TempDir Path dir;

  private long commitsFor(FsyncPolicy policy) {
    var settings = EmbeddedSettings.of(dir).withFsync(policy);
    try (EmbeddedBroker broker =
        EmbeddedBroker.open("embedded:" + dir, settings, Clock.systemUTC())) {
      long before = broker.commits();
      List<CompletableFuture<PublishReceipt>> acks = new ArrayList<>();
      for (int i = 0; i < PUBLISHES; i++) {
        acks.add(
            broker
                .publish(Subject.of("fsync.test"), TestEvents.event("e" + i), AckMode.DURABLE)
                .toCompletableFuture());
      }
      CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)).join();
      assertThat(acks).allMatch(a -> a.join().sequence().isPresent());
      return broker.commits() - before;
    }
  }

  @Test
  void batch_confirmsConcurrentDurablePublishesWithFewerCommitsThanPublishes() {
    assertThat(commitsFor(FsyncPolicy.BATCH)).isBetween(1L, (long) PUBLISHES - 1);
  }

  @Test
  void always_givesEveryDurablePublishACommitOfItsOwn() {
    assertThat(commitsFor(FsyncPolicy.ALWAYS)).isGreaterThanOrEqualTo(PUBLISHES);
  }

  @Test
  void parse_acceptsAlwaysAndBatchInAnyCase_andNamesABadValue() {
    assertThat(FsyncPolicy.parse("Always")).isEqualTo(FsyncPolicy.ALWAYS);
    assertThat(FsyncPolicy.parse(" batch ")).isEqualTo(FsyncPolicy.BATCH);
    assertThatThrownBy(() -> FsyncPolicy.parse("never"))
        .hasMessage("fsync must be 'always' or 'batch' but was 'never'");
  }
}
