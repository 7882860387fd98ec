package io.sluice.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.broker.Capability;
import io.sluice.broker.Delivery;
import io.sluice.broker.SubscribeOptions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

abstract class RedeliveryTests extends KitTests {

  @Test
  void nack_redeliversWithIncrementedDeliveryCount() {
    RecordingHandler handler =
        RecordingHandler.reacting(
            d -> {
              if (d.deliveryCount() == 1) {
                d.nack(Duration.ZERO);
              } else {
                d.ack();
              }
            });
    subscribe("retry", quickOptions(), handler);

    publish(subject("retry"), event("e-1"));

    await().until(() -> handler.count() == 2);
    assertThat(handler.deliveries()).extracting(Delivery::deliveryCount).containsExactly(1, 2);
    assertThat(handler.ids()).containsExactly("e-1", "e-1");
  }

  @Test
  void nackWithDelay_redeliversNoSoonerThanTheDelay() {
    requires(Capability.DELAYED_REDELIVERY);
    Duration delay = kit().scaled(Duration.ofMillis(400));
    Map<Integer, Long> arrivals = new ConcurrentHashMap<>();
    RecordingHandler handler =
        RecordingHandler.reacting(
            d -> {
              arrivals.put(d.deliveryCount(), System.nanoTime());
              if (d.deliveryCount() == 1) {
                d.nack(delay);
              } else {
                d.ack();
              }
            });
    subscribe("retry", SubscribeOptions.defaults(), handler);

    publish(subject("retry"), event("e-1"));

    await().until(() -> handler.count() == 2);
    Duration gap = Duration.ofNanos(arrivals.get(2) - arrivals.get(1));
    assertThat(gap).isGreaterThanOrEqualTo(delay.minusMillis(20));
  }

  @Test
  void unsettledDelivery_isRedeliveredAfterAckWait() {
    RecordingHandler handler = RecordingHandler.manual();
    subscribe("retry", quickOptions(), handler);

    publish(subject("retry"), event("e-1"));

    await().until(() -> handler.count() >= 2);
    assertThat(handler.get(1).event().id()).isEqualTo("e-1");
    assertThat(handler.get(1).deliveryCount()).isEqualTo(2);
  }

  @Test
  void maxDeliveries_stopsRedeliveryAtTheLimit() {
    requires(Capability.MAX_DELIVERIES);
    RecordingHandler handler = RecordingHandler.reacting(d -> d.nack(Duration.ZERO));
    subscribe("retry", quickOptions().withMaxDeliveries(3), handler);

    publish(subject("retry"), event("poison"));

    assertSettlesAt(handler::count, 3, ackWait().plus(quietPeriod()));
    assertThat(handler.deliveries()).extracting(Delivery::deliveryCount).containsExactly(1, 2, 3);
  }

  @Test
  void maxDeliveries_alsoLimitsAckWaitExpiry() {
    requires(Capability.MAX_DELIVERIES);
    RecordingHandler handler = RecordingHandler.manual();
    subscribe("retry", quickOptions().withMaxDeliveries(2), handler);

    publish(subject("retry"), event("ignored"));

    assertSettlesAt(handler::count, 2, ackWait().plus(quietPeriod()));
  }

  @Test
  void term_neverRedelivers() {
    RecordingHandler handler = RecordingHandler.reacting(Delivery::term);
    subscribe("retry", quickOptions(), handler);

    publish(subject("retry"), event("hopeless"));

    assertSettlesAt(handler::count, 1, ackWait().plus(quietPeriod()));
  }

  @Test
  void nack_inAGroup_redeliversToAMember() {
    requires(Capability.CONSUMER_GROUPS);
    String workers = group("workers");
    RecordingHandler first = failingOnce();
    RecordingHandler second = failingOnce();
    subscribe("retry", SubscribeOptions.group(workers).withAckWait(ackWait()), first);
    subscribe("retry", SubscribeOptions.group(workers).withAckWait(ackWait()), second);

    publish(subject("retry"), event("e-1"));

    await().until(() -> first.count() + second.count() == 2);
    List<Integer> counts =
        java.util.stream.Stream.concat(first.deliveries().stream(), second.deliveries().stream())
            .map(Delivery::deliveryCount)
            .sorted()
            .toList();
    assertThat(counts).containsExactly(1, 2);
  }

  private static RecordingHandler failingOnce() {
    return RecordingHandler.reacting(
        d -> {
          if (d.deliveryCount() == 1) {
            d.nack(Duration.ZERO);
          } else {
            d.ack();
          }
        });
  }
}
