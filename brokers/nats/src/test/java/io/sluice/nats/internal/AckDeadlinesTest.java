package io.sluice.nats.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AckDeadlinesTest {
  private final AckDeadlines deadlines = new AckDeadlines(Duration.ofMillis(200));

  @AfterEach
  void close() {
    deadlines.close();
  }

  @Test
  void watch_ackThatNeverArrives_failsWithTimeoutAfterTheDeadline() {
    CompletableFuture<String> ack = new CompletableFuture<>();
    long start = System.nanoTime();

    deadlines.watch(ack);

    await().atMost(Duration.ofSeconds(2)).until(ack::isDone);
    assertThat(Duration.ofNanos(System.nanoTime() - start))
        .isGreaterThanOrEqualTo(Duration.ofMillis(200));
    assertThat(ack)
        .failsWithin(Duration.ZERO)
        .withThrowableThat()
        .havingCause()
        .isInstanceOf(TimeoutException.class);
  }

  @Test
  void forget_ackThatArrived_isNeverFailedLater() {
    CompletableFuture<String> ack = new CompletableFuture<>();
    CompletableFuture<String> other = new CompletableFuture<>();
    deadlines.watch(ack);
    deadlines.watch(other);

    deadlines.forget(ack);

    await().atMost(Duration.ofSeconds(2)).until(other::isDone);
    assertThat(ack).isNotDone();
  }
}
