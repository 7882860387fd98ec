package io.sluice.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.sluice.broker.AckMode;
import io.sluice.broker.Broker;
import io.sluice.broker.StartPosition;
import io.sluice.broker.SubscribeOptions;
import io.sluice.broker.Subscription;
import io.sluice.envelope.CloudEvent;
import io.sluice.library.DeadLetters;
import io.sluice.subject.Subject;
import io.sluice.subject.SubjectPattern;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DlqCommandTest {
  private static final Subject DEAD = Subject.of("deadletter.orders");

  @TempDir Path dir;
  final CapturedConsole console = new CapturedConsole();

  String url() {
    return "embedded:" + dir;
  }

  void deadLetter(String originalSubject) {
    try (Broker broker = Broker.connect(url())) {
      CloudEvent.Builder event =
          CloudEvent.builder()
              .id(UUID.randomUUID().toString())
              .source("/orders")
              .type("order.placed")
              .extension(DeadLetters.REASON, DeadLetters.REASON_REJECTED);
      if (originalSubject != null) {
        event.extension(DeadLetters.ORIGINAL_SUBJECT, originalSubject);
      }
      broker.publish(DEAD, event.build(), AckMode.DURABLE).toCompletableFuture().join();
    }
  }

  List<CloudEvent> eventsOn(String subject) {
    List<CloudEvent> seen = new CopyOnWriteArrayList<>();
    try (Broker broker = Broker.connect(url())) {
      Subscription subscription =
          broker.subscribe(
              SubjectPattern.of(subject),
              SubscribeOptions.defaults().withStart(StartPosition.all()),
              d -> seen.add(d.event()));
      await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(5)).until(() -> true);
      subscription.close();
    }
    return seen;
  }

  @Test
  void dlqRedrive_republishesToTheOriginalSubjectAndPrintsCounts() {
    deadLetter("orders.placed");
    deadLetter("orders.placed");
    deadLetter(null);

    assertThat(console.run("dlq", "redrive", "--broker", url(), "--from", DEAD.value())).isZero();

    assertThat(console.out()).contains("redriven 2, skipped 1, failed 0");
    assertThat(eventsOn("orders.placed"))
        .hasSize(2)
        .allSatisfy(e -> assertThat(e.extensions()).doesNotContainKey(DeadLetters.REASON));
  }

  @Test
  void dlqRedrive_dryRun_publishesNothing() {
    deadLetter("orders.placed");

    assertThat(
            console.run("dlq", "redrive", "--broker", url(), "--from", DEAD.value(), "--dry-run"))
        .isZero();

    assertThat(console.out()).contains("would redrive 1, skipped 0, failed 0");
    assertThat(eventsOn("orders.placed")).isEmpty();
  }

  @Test
  void dlqRedrive_withTo_sendsEveryEventThereAndHonoursMax() {
    deadLetter(null);
    deadLetter(null);

    int code =
        console.run(
            "dlq",
            "redrive",
            "--broker",
            url(),
            "--from",
            DEAD.value(),
            "--to",
            "orders.retry",
            "--max",
            "1");

    assertThat(code).isZero();
    assertThat(console.out()).contains("redriven 1, skipped 0, failed 0");
    assertThat(eventsOn("orders.retry")).hasSize(1);
  }

  @Test
  void dlqRedrive_withInvalidSubject_exits2NamingIt() {
    assertThat(console.run("dlq", "redrive", "--broker", url(), "--from", "bad subject"))
        .isEqualTo(2);
    assertThat(console.err()).contains("bad subject");
  }
}
