package io.sluice.library;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.sluice.broker.Capability;
import io.sluice.envelope.CloudEvent;
import io.sluice.library.idempotency.ProcessedKeyStore;
import io.sluice.library.testing.TestBroker;
import io.sluice.testkit.servers.PostgresSchema;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Retries, dead letters and idempotency with the processed keys kept in PostgreSQL. */
class ReliabilityPostgresTest {
  @RegisterExtension static final PostgresSchema DB = new PostgresSchema();

  private static final EventContract<UserCreated> CONTRACT = EventContract.of(UserCreated.class);
  private static final RetryPolicy RETRY =
      RetryPolicy.exponential(3, Duration.ofMillis(10), Duration.ofMillis(50)).withJitter(0.2);

  private final TestBroker broker = TestBroker.createWithout(Capability.DEDUPLICATION);
  private final Sluice sluice = broker.client();
  private final ProcessedKeyStore store =
      ProcessedKeyStore.jdbc(DB.dataSource(), Duration.ofDays(7));
  private final List<String> handled = new CopyOnWriteArrayList<>();

  @AfterEach
  void close() {
    sluice.close();
    broker.close();
  }

  private void subscribe(EventHandler<UserCreated> handler) {
    sluice.subscribe(
        "users.created",
        CONTRACT,
        Handlers.of(handler).withRetry(RETRY).withIdempotency(store).withDeadLetter("dlq.users"),
        ConsumerOptions.named("onboarding").withConcurrency(4));
  }

  private void publish(String userId, String key) {
    sluice
        .publisher("users.created", CONTRACT)
        .publish(
            new UserCreated(userId, userId + "@example.com"),
            PublishOptions.defaults().withIdempotencyKey(key))
        .toCompletableFuture()
        .join();
  }

  @Test
  void redeliveredEvent_isHandledOnceAcrossRetries() {
    AtomicInteger calls = new AtomicInteger();
    subscribe(
        event -> {
          if (calls.incrementAndGet() == 1) {
            throw new IllegalStateException("database hiccup");
          }
          handled.add(event.payload().userId());
        });

    publish("u1", "signup-u1");
    await().until(() -> handled.size() == 1);
    publish("u1", "signup-u1");

    await().until(() -> broker.duplicatesSkipped().size() == 1);
    assertThat(handled).containsExactly("u1");
    assertThat(broker.retried()).hasSize(1);
    assertThat(store.isProcessed("signup-u1")).isTrue();
  }

  @Test
  void exhaustedEvent_isDeadLetteredAndNotMarkedProcessed() {
    subscribe(
        event -> {
          throw new IllegalStateException("welcome mail failed for " + event.payload().userId());
        });

    publish("u2", "signup-u2");

    await().until(() -> broker.published("dlq.users").size() == 1);
    CloudEvent dead = broker.published("dlq.users").getFirst();
    assertThat(dead.extension(DeadLetters.ATTEMPTS)).contains(3);
    assertThat(dead.extension(DeadLetters.ERROR_MESSAGE)).contains("welcome mail failed for u2");
    assertThat(broker.retried()).hasSize(2);
    assertThat(store.isProcessed("signup-u2")).isFalse();
  }

  @Test
  void manyEvents_withConcurrentHandlers_areEachHandledOnce() {
    subscribe(event -> handled.add(event.payload().userId()));

    for (int i = 0; i < 20; i++) {
      publish("u" + i, "bulk-" + i);
      publish("u" + i, "bulk-" + i);
    }

    await().until(() -> broker.handled().size() + broker.duplicatesSkipped().size() == 40);
    assertThat(handled).hasSize(20).doesNotHaveDuplicates();
  }
}
