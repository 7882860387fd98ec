package io.sluice.library;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.sluice.library.testing.TestBroker;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ConsumptionTest {
  private static final EventContract<UserCreated> CONTRACT = EventContract.of(UserCreated.class);

  private final TestBroker broker = TestBroker.create();
  private final Sluice sluice = broker.client();
  private final Publisher<UserCreated> users = sluice.publisher("users.created", CONTRACT);

  @AfterEach
  void close() {
    sluice.close();
    broker.close();
  }

  private void publish(int n, String partitionKey) {
    PublishOptions options =
        partitionKey == null
            ? PublishOptions.defaults()
            : PublishOptions.defaults().withPartitionKey(partitionKey);
    users
        .publish(new UserCreated("u" + n, "u" + n + "@example.com"), options)
        .toCompletableFuture()
        .join();
  }

  @Test
  void concurrency_isBoundedByTheConfiguredLimit() throws InterruptedException {
    AtomicInteger running = new AtomicInteger();
    AtomicInteger peak = new AtomicInteger();
    CountDownLatch release = new CountDownLatch(1);
    sluice.subscribe(
        "users.created",
        CONTRACT,
        Handlers.of(
            event -> {
              peak.accumulateAndGet(running.incrementAndGet(), Math::max);
              release.await(5, TimeUnit.SECONDS);
              running.decrementAndGet();
            }),
        ConsumerOptions.named("bounded").withConcurrency(3));

    for (int i = 0; i < 10; i++) {
      publish(i, null);
    }

    await().until(() -> running.get() == 3);
    assertThat(peak.get()).isEqualTo(3);
    release.countDown();
    await().until(() -> broker.handled().size() == 10);
    assertThat(peak.get()).isEqualTo(3);
  }

  @Test
  void orderByKey_handlesEachKeysEventsInPublishOrderWhileKeysRunInParallel() {
    Map<String, List<String>> seen = new ConcurrentHashMap<>();
    sluice.subscribe(
        "users.created",
        CONTRACT,
        Handlers.of(
            event -> {
              String key = event.cloudEvent().extensionAsString("partitionkey").orElseThrow();
              seen.computeIfAbsent(key, k -> new CopyOnWriteArrayList<>())
                  .add(event.payload().userId());
            }),
        ConsumerOptions.named("ordered").withConcurrency(8).withOrderByKey(true));

    for (int i = 0; i < 30; i++) {
      publish(i, "tenant" + (i % 3));
    }

    await().until(() -> broker.handled().size() == 30);
    for (int k = 0; k < 3; k++) {
      List<String> expected = new java.util.ArrayList<>();
      for (int i = k; i < 30; i += 3) {
        expected.add("u" + i);
      }
      assertThat(seen.get("tenant" + k)).containsExactlyElementsOf(expected);
    }
  }

  @Test
  void close_waitsForEventsInFlightToFinish() throws InterruptedException {
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    List<String> finished = new CopyOnWriteArrayList<>();
    EventSubscription subscription =
        sluice.subscribe(
            "users.created",
            CONTRACT,
            Handlers.of(
                event -> {
                  started.countDown();
                  release.await(5, TimeUnit.SECONDS);
                  finished.add(event.payload().userId());
                }),
            ConsumerOptions.named("draining"));
    publish(1, null);
    assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();

    Thread closer = Thread.ofVirtual().start(subscription::close);
    await()
        .until(
            () ->
                closer.getState() == Thread.State.WAITING
                    || closer.getState() == Thread.State.TIMED_WAITING);
    assertThat(finished).isEmpty();
    release.countDown();
    closer.join(5_000);

    assertThat(closer.isAlive()).isFalse();
    assertThat(finished).containsExactly("u1");
    assertThat(subscription.inFlight()).isZero();
  }
}
