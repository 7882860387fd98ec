package io.sluice.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.broker.Capability;
import io.sluice.broker.StartPosition;
import io.sluice.broker.SubscribeOptions;
import io.sluice.broker.Subscription;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

abstract class DurableConsumerTests extends KitTests {

  @BeforeEach
  void requiresDurableConsumers() {
    requires(Capability.CONSUMER_GROUPS, Capability.DURABLE_CONSUMERS);
  }

  @Test
  void durableGroup_resumesAfterItsLastAck_whenAMemberReturns() {
    SubscribeOptions options = durable("ledger");
    RecordingHandler before = RecordingHandler.autoAck();
    Subscription first = subscribe("ledger", options, before);
    publishAll(subject("ledger"), "a", "b");
    await().until(() -> before.count() == 2);
    first.close();

    publishAll(subject("ledger"), "c", "d");
    RecordingHandler after = RecordingHandler.autoAck();
    subscribe("ledger", options, after);

    assertSettlesAt(after::count, 2, quietPeriod());
    assertThat(after.ids()).containsExactly("c", "d");
  }

  @Test
  void durableGroup_redeliversWhatWasUnsettledWhenItsMemberClosed() {
    SubscribeOptions options = durable("ledger");
    RecordingHandler before = RecordingHandler.manual();
    Subscription first = subscribe("ledger", options, before);
    publish(subject("ledger"), event("unsettled"));
    await().until(() -> before.count() == 1);
    first.close();

    RecordingHandler after = RecordingHandler.autoAck();
    subscribe("ledger", options, after);

    await().until(() -> after.ids().contains("unsettled"));
    assertThat(after.get(0).deliveryCount()).isGreaterThanOrEqualTo(2);
  }

  @Test
  void durableGroup_ignoresTheStartPositionWhenItResumes() {
    RecordingHandler before = RecordingHandler.autoAck();
    Subscription first = subscribe("ledger", durable("ledger"), before);
    publish(subject("ledger"), event("seen"));
    await().until(() -> before.count() == 1);
    first.close();

    RecordingHandler after = RecordingHandler.autoAck();
    subscribe("ledger", durable("ledger").withStart(StartPosition.all()), after);
    publish(subject("ledger"), event("new"));

    assertSettlesAt(after::count, 1, quietPeriod());
    assertThat(after.ids()).containsExactly("new");
  }

  private SubscribeOptions durable(String name) {
    return SubscribeOptions.group(group(name)).withAckWait(ackWait());
  }
}
