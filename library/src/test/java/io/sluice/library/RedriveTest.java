package io.sluice.library;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.sluice.broker.AckMode;
import io.sluice.broker.Broker;
import io.sluice.broker.SubscribeOptions;
import io.sluice.envelope.CloudEvent;
import io.sluice.envelope.Extensions;
import io.sluice.subject.Subject;
import io.sluice.subject.SubjectPattern;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RedriveTest {
  private static final EventContract<UserCreated> CONTRACT = EventContract.of(UserCreated.class);
  private static final Subject DEAD = Subject.of("deadletter.users");
  private static final RedriveOptions FAST =
      RedriveOptions.defaults().withQuietPeriod(Duration.ofMillis(300));

  @TempDir Path dir;
  private Broker broker;
  private Sluice sluice;
  private final AtomicBoolean rejecting = new AtomicBoolean(true);
  private final List<CloudEvent> handled = new CopyOnWriteArrayList<>();
  private final List<CloudEvent> deadLettered = new CopyOnWriteArrayList<>();

  @AfterEach
  void close() {
    if (sluice != null) {
      sluice.close();
    }
    broker.close();
  }

  private void open(String kind) {
    broker = Broker.connect(kind.equals("mem") ? "mem:" : "embedded:" + dir);
    sluice = Sluice.client(broker);
    broker.subscribe(
        SubjectPattern.of(DEAD.value()),
        SubscribeOptions.defaults(),
        d -> {
          deadLettered.add(d.event());
          d.ack();
        });
    sluice.subscribe(
        "users.*",
        CONTRACT,
        Handlers.of(this::handle).withDeadLetter(DEAD.value()),
        ConsumerOptions.named("onboarding"));
  }

  private void handle(Event<UserCreated> event) {
    if (rejecting.get()) {
      throw new NonRetryableException("directory is down for " + event.payload().userId());
    }
    handled.add(event.cloudEvent());
  }

  private void deadLetterUsers(int count) {
    Publisher<UserCreated> users = sluice.publisher("users.created", CONTRACT);
    for (int i = 0; i < count; i++) {
      users
          .publish(new UserCreated("u" + i, "u" + i + "@example.com"))
          .toCompletableFuture()
          .join();
    }
    await().until(() -> deadLettered.size() == count);
  }

  @ParameterizedTest
  @ValueSource(strings = {"mem", "embedded"})
  void redrive_returnsDeadLettersToTheirSubjectWhereTheyAreHandled(String kind) {
    open(kind);
    deadLetterUsers(3);
    rejecting.set(false);

    RedriveResult result = DeadLetters.redrive(broker, DEAD, FAST);

    assertThat(result).isEqualTo(new RedriveResult(3, 0, 0, false));
    await().until(() -> handled.size() == 3);
    assertThat(handled)
        .allSatisfy(
            event -> {
              assertThat(event.extensions())
                  .doesNotContainKeys(DeadLetters.EXTENSIONS.toArray(String[]::new));
              assertThat(event.extensionAsString(Extensions.IDEMPOTENCY_KEY)).isPresent();
            });
  }

  @ParameterizedTest
  @ValueSource(strings = {"mem", "embedded"})
  void redrive_secondRun_findsNothingLeftToRedrive(String kind) {
    open(kind);
    deadLetterUsers(2);
    rejecting.set(false);

    DeadLetters.redrive(broker, DEAD, FAST);
    RedriveResult second = DeadLetters.redrive(broker, DEAD, FAST);

    assertThat(second).isEqualTo(new RedriveResult(0, 0, 0, false));
    await().during(Duration.ofMillis(300)).until(() -> handled.size() == 2);
  }

  @ParameterizedTest
  @ValueSource(strings = {"mem", "embedded"})
  void redrive_dryRun_publishesNothingAndLeavesDeadLettersForARealRun(String kind) {
    open(kind);
    deadLetterUsers(2);
    rejecting.set(false);

    RedriveResult dry = DeadLetters.redrive(broker, DEAD, FAST.withDryRun(true));

    assertThat(dry).isEqualTo(new RedriveResult(2, 0, 0, true));
    await().during(Duration.ofMillis(300)).until(handled::isEmpty);
    assertThat(DeadLetters.redrive(broker, DEAD, FAST).redriven()).isEqualTo(2);
    await().until(() -> handled.size() == 2);
  }

  @ParameterizedTest
  @ValueSource(strings = {"mem", "embedded"})
  void redrive_eventWithoutOriginalSubject_isSkippedAndLeftUnacked(String kind) {
    open(kind);
    CloudEvent orphan = orphanDeadLetter();
    broker.publish(DEAD, orphan, AckMode.DURABLE).toCompletableFuture().join();
    rejecting.set(false);

    RedriveResult result = DeadLetters.redrive(broker, DEAD, FAST);

    assertThat(result).isEqualTo(new RedriveResult(0, 1, 0, false));
    RedriveResult explicit =
        DeadLetters.redrive(broker, DEAD, FAST.withTarget(Subject.of("users.created")));
    assertThat(explicit).isEqualTo(new RedriveResult(1, 0, 0, false));
    await().until(() -> handled.size() == 1);
    assertThat(handled.getFirst().id()).isEqualTo(orphan.id());
  }

  @ParameterizedTest
  @ValueSource(strings = {"mem", "embedded"})
  void redrive_withMax_takesAtMostThatManyAndLeavesTheRest(String kind) {
    open(kind);
    deadLetterUsers(3);
    rejecting.set(false);

    assertThat(DeadLetters.redrive(broker, DEAD, FAST.withMax(2)).redriven()).isEqualTo(2);
    assertThat(DeadLetters.redrive(broker, DEAD, FAST).redriven()).isEqualTo(1);
    await().until(() -> handled.size() == 3);
  }

  private static CloudEvent orphanDeadLetter() {
    return CloudEvent.builder()
        .id(UUID.randomUUID().toString())
        .source("/tests")
        .type("user.created")
        .data(
            "application/json",
            "{\"userId\":\"u9\",\"email\":\"u9@example.com\"}".getBytes(StandardCharsets.UTF_8))
        .extension(DeadLetters.REASON, DeadLetters.REASON_REJECTED)
        .build();
  }
}
