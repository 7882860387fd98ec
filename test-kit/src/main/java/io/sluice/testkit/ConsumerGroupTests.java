package io.sluice.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.broker.Capability;
import io.sluice.broker.SubscribeOptions;
import io.sluice.broker.Subscription;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

abstract class ConsumerGroupTests extends KitTests {

  @BeforeEach
  void requiresGroups() {
    requires(Capability.CONSUMER_GROUPS);
  }

  @Test
  void group_deliversEachEventToExactlyOneMember() {
    String workers = group("workers");
    RecordingHandler first = RecordingHandler.autoAck();
    RecordingHandler second = RecordingHandler.autoAck();
    subscribe("jobs", SubscribeOptions.group(workers), first);
    subscribe("jobs", SubscribeOptions.group(workers), second);

    publishAll(subject("jobs"), ids("job", 40));

    assertSettlesAt(() -> first.count() + second.count(), 40, quietPeriod());
    List<String> all = new ArrayList<>(first.ids());
    all.addAll(second.ids());
    assertThat(all).containsExactlyInAnyOrder(ids("job", 40));
  }

  @Test
  void group_sharesTheWorkBetweenMembers() {
    String workers = group("workers");
    RecordingHandler first = RecordingHandler.autoAck();
    RecordingHandler second = RecordingHandler.autoAck();
    subscribe("jobs", SubscribeOptions.group(workers), first);
    subscribe("jobs", SubscribeOptions.group(workers), second);

    publishAll(subject("jobs"), ids("job", 60));

    await().until(() -> first.count() + second.count() == 60);
    assertThat(first.count()).isPositive();
    assertThat(second.count()).isPositive();
  }

  @Test
  void groupAndPrivateSubscription_bothReceiveEveryEvent() {
    RecordingHandler member = RecordingHandler.autoAck();
    RecordingHandler watcher = RecordingHandler.autoAck();
    subscribe("jobs", SubscribeOptions.group(group("workers")), member);
    subscribe("jobs", watcher);

    publishAll(subject("jobs"), "a", "b", "c");

    await().until(() -> member.count() == 3 && watcher.count() == 3);
    assertThat(member.ids()).containsExactlyInAnyOrder("a", "b", "c");
    assertThat(watcher.ids()).containsExactlyInAnyOrder("a", "b", "c");
  }

  @Test
  void twoGroups_eachReceiveEveryEvent() {
    RecordingHandler billing = RecordingHandler.autoAck();
    RecordingHandler shipping = RecordingHandler.autoAck();
    subscribe("orders", SubscribeOptions.group(group("billing")), billing);
    subscribe("orders", SubscribeOptions.group(group("shipping")), shipping);

    publishAll(subject("orders"), "o-1", "o-2");

    await().until(() -> billing.count() == 2 && shipping.count() == 2);
    assertThat(billing.ids()).containsExactlyInAnyOrder("o-1", "o-2");
    assertThat(shipping.ids()).containsExactlyInAnyOrder("o-1", "o-2");
  }

  @Test
  void group_memberClosedWithUnsettledDelivery_remainingMemberGetsIt() {
    String workers = group("workers");
    SubscribeOptions options = SubscribeOptions.group(workers).withAckWait(ackWait());
    RecordingHandler quitter = RecordingHandler.manual();
    Subscription quitting = subscribe("jobs", options, quitter);
    publish(subject("jobs"), event("job-1"));
    await().until(() -> quitter.count() == 1);
    RecordingHandler stayer = RecordingHandler.autoAck();
    subscribe("jobs", options, stayer);

    quitting.close();

    await().until(() -> stayer.ids().contains("job-1"));
    assertThat(stayer.deliveries().get(0).deliveryCount()).isGreaterThanOrEqualTo(2);
  }

  @Test
  void subscription_inGroup_reportsItsGroup() {
    String workers = group("workers");

    Subscription member = subscribe("jobs", SubscribeOptions.group(workers), d -> d.ack());

    assertThat(member.group()).contains(workers);
  }
}
