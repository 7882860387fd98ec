package io.sluice.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.broker.Capability;
import io.sluice.broker.Delivery;
import io.sluice.broker.SubscribeOptions;
import io.sluice.envelope.Extensions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

abstract class OrderingTests extends KitTests {

  @Test
  void privateSubscription_receivesEventsInPublishOrder() {
    RecordingHandler handler = RecordingHandler.autoAck();
    subscribe("ordered", handler);

    publishAll(subject("ordered"), ids("e", 100));

    await().until(() -> handler.count() == 100);
    assertThat(handler.ids()).containsExactly(ids("e", 100));
  }

  @Test
  void handler_receivesOneDeliveryAtATime() {
    AtomicInteger running = new AtomicInteger();
    AtomicInteger mostAtOnce = new AtomicInteger();
    RecordingHandler handler =
        RecordingHandler.reacting(
            d -> {
              mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
              busyFor(Duration.ofMillis(2));
              running.decrementAndGet();
              d.ack();
            });
    subscribe("ordered", handler);

    publishAll(subject("ordered"), ids("e", 30));

    await().until(() -> handler.count() == 30);
    assertThat(mostAtOnce.get()).isEqualTo(1);
  }

  @Test
  void group_deliversEventsWithTheSameKeyInPublishOrder() {
    requires(Capability.CONSUMER_GROUPS, Capability.PER_KEY_ORDERING);
    List<String> handled = new CopyOnWriteArrayList<>();
    String workers = group("workers");
    for (int member = 0; member < 2; member++) {
      subscribe("keyed", SubscribeOptions.group(workers), ackLater(handled));
    }

    List<String> published = publishKeyed(3, 10);

    await().until(() -> handled.size() == published.size());
    for (String key : List.of("k0", "k1", "k2")) {
      assertThat(handled.stream().filter(id -> id.startsWith(key + "-")).toList())
          .containsExactlyElementsOf(
              published.stream().filter(id -> id.startsWith(key + "-")).toList());
    }
  }

  @Test
  void group_redeliversANackedEventBeforeLaterEventsWithTheSameKey() {
    requires(Capability.CONSUMER_GROUPS, Capability.PER_KEY_ORDERING);
    List<String> acked = new CopyOnWriteArrayList<>();
    RecordingHandler handler =
        RecordingHandler.reacting(
            d -> {
              if (d.event().id().equals("k0-0") && d.deliveryCount() == 1) {
                d.nack(Duration.ZERO);
                return;
              }
              acked.add(d.event().id());
              d.ack();
            });
    subscribe("keyed", SubscribeOptions.group(group("workers")).withAckWait(ackWait()), handler);

    publishKeyed(1, 5);

    await().until(() -> acked.size() == 5);
    assertThat(acked).containsExactly("k0-0", "k0-1", "k0-2", "k0-3", "k0-4");
  }

  /** Publishes {@code perKey} events for each of {@code keys} keys, interleaved; returns ids. */
  private List<String> publishKeyed(int keys, int perKey) {
    List<String> published = new ArrayList<>();
    for (int n = 0; n < perKey; n++) {
      for (int k = 0; k < keys; k++) {
        String id = "k" + k + "-" + n;
        publish(subject("keyed"), keyed(id, Extensions.PARTITION_KEY, "k" + k));
        published.add(id);
      }
    }
    return published;
  }

  private static RecordingHandler ackLater(List<String> handled) {
    return RecordingHandler.reacting(
        d -> {
          handled.add(d.event().id());
          CompletableFuture.runAsync(
              () -> settle(d), CompletableFuture.delayedExecutor(3, TimeUnit.MILLISECONDS));
        });
  }

  private static void settle(Delivery delivery) {
    delivery.ack();
  }

  /** Keeps the handler occupied so overlapping calls would be seen. */
  private static void busyFor(Duration duration) {
    java.util.concurrent.locks.LockSupport.parkNanos(duration.toNanos());
  }
}
