package io.sluice.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.broker.Delivery;
import io.sluice.broker.SubscribeOptions;
import java.time.Duration;
import org.junit.jupiter.api.Test;

abstract class BackPressureTests extends KitTests {

  @Test
  void maxInFlight_capsUnsettledDeliveries() {
    RecordingHandler handler = RecordingHandler.manual();
    subscribe("pressure", patient().withMaxInFlight(2), handler);

    publishAll(subject("pressure"), ids("e", 5));

    assertSettlesAt(handler::count, 2, quietPeriod());
  }

  @Test
  void maxInFlight_settlingOneLetsTheNextThrough() {
    RecordingHandler handler = RecordingHandler.manual();
    subscribe("pressure", patient().withMaxInFlight(2), handler);
    publishAll(subject("pressure"), ids("e", 5));
    await().until(() -> handler.count() == 2);

    handler.get(0).ack();

    assertSettlesAt(handler::count, 3, quietPeriod());
    assertThat(handler.ids()).containsExactly("e-0", "e-1", "e-2");
  }

  @Test
  void maxInFlightOne_deliversOneEventAfterAnother() {
    RecordingHandler handler = RecordingHandler.manual();
    subscribe("pressure", patient().withMaxInFlight(1), handler);
    publishAll(subject("pressure"), ids("e", 3));

    for (int settled = 0; settled < 3; settled++) {
      int expected = settled + 1;
      await().until(() -> handler.count() == expected);
      handler.last().ack();
    }

    assertSettlesAt(handler::count, 3, quietPeriod());
    assertThat(handler.deliveries()).extracting(Delivery::deliveryCount).containsOnly(1);
  }

  @Test
  void maxInFlight_appliesPerSubscription() {
    RecordingHandler first = RecordingHandler.manual();
    RecordingHandler second = RecordingHandler.manual();
    subscribe("pressure", patient().withMaxInFlight(1), first);
    subscribe("pressure", patient().withMaxInFlight(3), second);

    publishAll(subject("pressure"), ids("e", 5));

    assertSettlesAt(() -> first.count() * 10 + second.count(), 13, quietPeriod());
  }

  /** An ackWait long enough that nothing is redelivered while the test watches. */
  private SubscribeOptions patient() {
    return SubscribeOptions.defaults().withAckWait(kit().scaled(Duration.ofSeconds(30)));
  }
}
