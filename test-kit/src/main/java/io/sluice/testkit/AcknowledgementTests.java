package io.sluice.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.broker.Delivery;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

abstract class AcknowledgementTests extends KitTests {

  @Test
  void ack_settlesTheDelivery_soItIsNotRedelivered() {
    RecordingHandler handler = RecordingHandler.autoAck();
    subscribe("acks", quickOptions(), handler);

    publish(subject("acks"), event("e-1"));

    assertSettlesAt(handler::count, 1, ackWait().plus(quietPeriod()));
  }

  @Test
  void ack_completesItsStage() {
    RecordingHandler handler = RecordingHandler.manual();
    subscribe("acks", quickOptions(), handler);
    publish(subject("acks"), event("e-1"));
    await().until(() -> handler.count() == 1);

    join(handler.get(0).ack());

    assertSettlesAt(handler::count, 1, ackWait().plus(quietPeriod()));
  }

  @Test
  void ack_twice_isHarmless() {
    RecordingHandler handler = RecordingHandler.manual();
    subscribe("acks", quickOptions(), handler);
    publish(subject("acks"), event("e-1"));
    await().until(() -> handler.count() == 1);
    Delivery delivery = handler.get(0);

    join(delivery.ack());
    join(delivery.ack());

    assertSettlesAt(handler::count, 1, quietPeriod());
  }

  @Test
  void nack_afterAck_isIgnored() {
    RecordingHandler handler = RecordingHandler.manual();
    subscribe("acks", quickOptions(), handler);
    publish(subject("acks"), event("e-1"));
    await().until(() -> handler.count() == 1);
    Delivery delivery = handler.get(0);

    join(delivery.ack());
    delivery.nack(Duration.ZERO);

    assertSettlesAt(handler::count, 1, ackWait().plus(quietPeriod()));
  }

  @Test
  void ack_fromAnotherThreadAfterTheHandlerReturned_isHonoured() {
    RecordingHandler handler =
        RecordingHandler.reacting(d -> CompletableFuture.runAsync(() -> d.ack()));
    subscribe("acks", quickOptions(), handler);

    publish(subject("acks"), event("e-1"));

    assertSettlesAt(handler::count, 1, ackWait().plus(quietPeriod()));
  }

  @Test
  void firstDelivery_hasDeliveryCountOne() {
    RecordingHandler handler = RecordingHandler.autoAck();
    subscribe("acks", handler);

    publish(subject("acks"), event("e-1"));

    await().until(() -> handler.count() == 1);
    assertThat(handler.get(0).deliveryCount()).isEqualTo(1);
  }

  @Test
  void handlerThatThrows_hasTheDeliveryRedelivered_andKeepsItsSubscription() {
    AtomicInteger calls = new AtomicInteger();
    RecordingHandler handler =
        RecordingHandler.reacting(
            d -> {
              if (calls.incrementAndGet() == 1) {
                throw new IllegalStateException("handler failure on purpose");
              }
              d.ack();
            });
    subscribe("acks", quickOptions(), handler);

    publish(subject("acks"), event("fails-once"));
    await().until(() -> handler.ids().contains("fails-once") && handler.count() >= 2);
    publish(subject("acks"), event("next"));

    await().until(() -> handler.ids().contains("next"));
    assertThat(handler.ids()).startsWith("fails-once", "fails-once");
    assertThat(handler.get(1).deliveryCount()).isEqualTo(2);
  }
}
