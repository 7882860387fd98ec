package io.sluice.library;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.sluice.broker.AckMode;
import io.sluice.broker.Capability;
import io.sluice.envelope.CloudEvent;
import io.sluice.library.idempotency.ProcessedKeyStore;
import io.sluice.library.testing.TestBroker;
import io.sluice.subject.Subject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HandlerChainTest {
  private static final EventContract<UserCreated> CONTRACT = EventContract.of(UserCreated.class);
  private static final RetryPolicy FAST_RETRY =
      RetryPolicy.exponential(3, Duration.ofMillis(10), Duration.ofMillis(40));
  private static final UserCreated ADA = new UserCreated("u1", "ada@example.com");

  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  private TestBroker broker = TestBroker.create();
  private Sluice sluice = client(broker);
  private final List<UserCreated> handled = new CopyOnWriteArrayList<>();

  private Sluice client(TestBroker b) {
    return b.client(SluiceOptions.defaults().withMeterRegistry(meters).withSource("/tests"));
  }

  @AfterEach
  void close() {
    sluice.close();
    broker.close();
  }

  private void subscribe(HandlerChain<UserCreated> chain) {
    sluice.subscribe("users.*", CONTRACT, chain, ConsumerOptions.named("onboarding"));
  }

  private void publish(UserCreated user) {
    sluice.publisher("users.created", CONTRACT).publish(user).toCompletableFuture().join();
  }

  private EventHandler<UserCreated> failing(int times, RuntimeException failure) {
    AtomicInteger calls = new AtomicInteger();
    return event -> {
      if (calls.incrementAndGet() <= times) {
        throw failure;
      }
      handled.add(event.payload());
    };
  }

  @Test
  void handle_validEvent_runsHandlerOnce() {
    subscribe(Handlers.of(event -> handled.add(event.payload())));

    publish(ADA);

    await().until(() -> broker.handled().size() == 1);
    assertThat(handled).containsExactly(ADA);
    assertThat(broker.handled().getFirst().attempt()).isEqualTo(1);
    assertThat(meters.counter("sluice.handler.handled", "subscription", "onboarding").count())
        .isEqualTo(1);
    assertThat(meters.timer("sluice.handler.latency", "subscription", "onboarding").count())
        .isEqualTo(1);
  }

  @Test
  void handle_invalidPayload_isDeadLetteredAsInvalidWithoutRetryOrHandler() {
    subscribe(
        Handlers.of((Event<UserCreated> e) -> handled.add(e.payload()))
            .withRetry(FAST_RETRY)
            .withDeadLetter("deadletter.users"));

    broker.publish(
        Subject.of("users.created"), rawUser("{\"userId\":\"\",\"email\":\"x\"}"), AckMode.DURABLE);

    await().until(() -> broker.deadLettered().size() == 1);
    CloudEvent dead = broker.published("deadletter.users").getFirst();
    assertThat(dead.extension(DeadLetters.REASON)).contains(DeadLetters.REASON_INVALID);
    assertThat(dead.extension(DeadLetters.ATTEMPTS)).contains(1);
    assertThat(dead.extensionAsString(DeadLetters.ERROR_MESSAGE).orElseThrow())
        .contains("userId: must not be blank");
    assertThat(broker.retried()).isEmpty();
    assertThat(handled).isEmpty();
  }

  @Test
  void handle_nonRetryableFailure_isDeadLetteredAtOnceAsRejected() {
    subscribe(
        Handlers.of(failing(99, new NonRetryableException("email domain is blocked")))
            .withRetry(FAST_RETRY)
            .withDeadLetter("deadletter.users"));

    publish(ADA);

    await().until(() -> broker.deadLettered().size() == 1);
    assertThat(broker.deadLettered().getFirst().reason()).isEqualTo(DeadLetters.REASON_REJECTED);
    assertThat(broker.retried()).isEmpty();
  }

  @Test
  void handle_transientFailures_areRetriedWithBackoffUntilSuccess() {
    subscribe(
        Handlers.of(failing(2, new IllegalStateException("mail server busy")))
            .withRetry(FAST_RETRY)
            .withDeadLetter("deadletter.users"));

    publish(ADA);

    await().until(() -> broker.handled().size() == 1);
    assertThat(broker.handled().getFirst().attempt()).isEqualTo(3);
    assertThat(broker.retried()).extracting(SluiceEvent.Retried::nextAttempt).containsExactly(2, 3);
    assertThat(broker.retried())
        .extracting(SluiceEvent.Retried::delay)
        .containsExactly(Duration.ofMillis(10), Duration.ofMillis(20));
    assertThat(broker.deadLettered()).isEmpty();
    assertThat(meters.counter("sluice.handler.retried", "subscription", "onboarding").count())
        .isEqualTo(2);
  }

  @Test
  void handle_failingEveryAttempt_isDeadLetteredWithFailureMetadata() {
    subscribe(
        Handlers.of(failing(99, new IllegalStateException("mail server down")))
            .withRetry(FAST_RETRY)
            .withDeadLetter("deadletter.users"));

    publish(ADA);

    await().until(() -> broker.published("deadletter.users").size() == 1);
    CloudEvent original = broker.published("users.created").getFirst();
    CloudEvent dead = broker.published("deadletter.users").getFirst();
    assertThat(dead.id()).isEqualTo(original.id());
    assertThat(dead.data()).hasValueSatisfying(d -> assertThat(d).isEqualTo(original.data().get()));
    assertThat(dead.extension(DeadLetters.REASON)).contains(DeadLetters.REASON_EXHAUSTED);
    assertThat(dead.extension(DeadLetters.ATTEMPTS)).contains(3);
    assertThat(dead.extension(DeadLetters.ERROR_TYPE)).contains("java.lang.IllegalStateException");
    assertThat(dead.extension(DeadLetters.ERROR_MESSAGE)).contains("mail server down");
    assertThat(dead.extension(DeadLetters.ORIGINAL_SUBJECT)).contains("users.created");
    assertThat(meters.counter("sluice.handler.deadlettered", "subscription", "onboarding").count())
        .isEqualTo(1);
  }

  @Test
  void handle_brokerWithoutDelayedRedelivery_retriesInProcess() {
    replaceBroker(TestBroker.createWithout(Capability.DELAYED_REDELIVERY));
    subscribe(Handlers.of(failing(2, new IllegalStateException("busy"))).withRetry(FAST_RETRY));

    publish(ADA);

    await().until(() -> broker.handled().size() == 1);
    assertThat(broker.handled().getFirst().attempt()).isEqualTo(3);
    assertThat(broker.retried()).hasSize(2);
  }

  @Test
  void handle_permanentFailureWithoutDeadLetter_isReportedAsFinalFailure() {
    subscribe(Handlers.of(failing(99, new NonRetryableException("no"))).withRetry(FAST_RETRY));

    publish(ADA);

    await().until(() -> broker.failed().size() == 1);
    assertThat(broker.failed().getFirst().willRetry()).isFalse();
    assertThat(broker.failed().getFirst().errorMessage()).isEqualTo("no");
    assertThat(broker.retried()).isEmpty();
  }

  @Test
  void handle_repeatedIdempotencyKey_runsHandlerOnceAndCountsTheDuplicate() {
    replaceBroker(TestBroker.createWithout(Capability.DEDUPLICATION));
    subscribe(
        Handlers.of((Event<UserCreated> e) -> handled.add(e.payload()))
            .withIdempotency(ProcessedKeyStore.inMemory(Duration.ofHours(1))));
    PublishOptions sameKey = PublishOptions.defaults().withIdempotencyKey("signup-u1");
    Publisher<UserCreated> users = sluice.publisher("users.created", CONTRACT);

    users.publish(ADA, sameKey).toCompletableFuture().join();
    users.publish(ADA, sameKey).toCompletableFuture().join();

    await().until(() -> broker.duplicatesSkipped().size() == 1);
    assertThat(handled).containsExactly(ADA);
    assertThat(broker.duplicatesSkipped().getFirst().key()).isEqualTo("signup-u1");
    assertThat(meters.counter("sluice.handler.duplicates", "subscription", "onboarding").count())
        .isEqualTo(1);
  }

  @Test
  void handle_eventOfAnotherVersion_isDeadLetteredAsInvalid() {
    subscribe(
        Handlers.of((Event<UserCreated> e) -> handled.add(e.payload()))
            .withDeadLetter("deadletter.users"));
    CloudEvent v2 =
        rawUser("{\"userId\":\"u1\",\"email\":\"a@b.org\"}").toBuilder()
            .extension("eventversion", 2)
            .build();

    broker.publish(Subject.of("users.created"), v2, AckMode.DURABLE);

    await().until(() -> broker.deadLettered().size() == 1);
    assertThat(
            broker
                .published("deadletter.users")
                .getFirst()
                .extensionAsString(DeadLetters.ERROR_MESSAGE)
                .orElseThrow())
        .contains("eventversion: expected 1 but was 2");
  }

  @Test
  void subscribe_deadLetterSubjectInsideThePattern_isRefused() {
    HandlerChain<UserCreated> chain =
        Handlers.of((Event<UserCreated> e) -> handled.add(e.payload()))
            .withDeadLetter("users.dead");

    org.assertj.core.api.Assertions.assertThatThrownBy(() -> subscribe(chain))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("dead-letter subject 'users.dead' matches the subscription pattern");
  }

  private void replaceBroker(TestBroker replacement) {
    sluice.close();
    broker.close();
    broker = replacement;
    sluice = client(replacement);
  }

  private static CloudEvent rawUser(String json) {
    return CloudEvent.builder()
        .id("raw-1")
        .source("/tests")
        .type("user.created")
        .data("application/json", json.getBytes(StandardCharsets.UTF_8))
        .build();
  }
}
