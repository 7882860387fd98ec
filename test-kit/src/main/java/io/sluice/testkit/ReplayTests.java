package io.sluice.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.broker.Capability;
import io.sluice.broker.Delivery;
import io.sluice.broker.PublishReceipt;
import io.sluice.broker.StartPosition;
import io.sluice.broker.SubscribeOptions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

abstract class ReplayTests extends KitTests {

  @BeforeEach
  void requiresReplay() {
    requires(Capability.REPLAY);
  }

  @Test
  void startAll_replaysEventsPublishedBeforeTheSubscription() {
    publishAll(subject("history"), "a", "b", "c");
    RecordingHandler handler = RecordingHandler.autoAck();

    subscribe("history", from(StartPosition.all()), handler);

    await().until(() -> handler.count() == 3);
    assertThat(handler.ids()).containsExactly("a", "b", "c");
  }

  @Test
  void startAll_continuesWithLiveEventsAfterTheReplay() {
    publishAll(subject("history"), "old-1", "old-2");
    RecordingHandler handler = RecordingHandler.autoAck();
    subscribe("history", from(StartPosition.all()), handler);
    await().until(() -> handler.count() == 2);

    publish(subject("history"), event("live"));

    await().until(() -> handler.count() == 3);
    assertThat(handler.ids()).containsExactly("old-1", "old-2", "live");
  }

  @Test
  void startAll_replaysOnlySubjectsThePatternMatches() {
    publish(subject("history.kept"), event("kept"));
    publish(subject("elsewhere"), event("other"));
    RecordingHandler handler = RecordingHandler.autoAck();

    subscribe("history.>", from(StartPosition.all()), handler);

    assertSettlesAt(handler::count, 1, quietPeriod());
    assertThat(handler.ids()).containsExactly("kept");
  }

  @Test
  void startAtSequence_beginsWithThatSequence() {
    requires(Capability.SEQUENCES);
    List<PublishReceipt> receipts = publishAll(subject("history"), "a", "b", "c", "d");
    long third = receipts.get(2).sequence().orElseThrow();
    RecordingHandler handler = RecordingHandler.autoAck();

    subscribe("history", from(StartPosition.atSequence(third)), handler);

    assertSettlesAt(handler::count, 2, quietPeriod());
    assertThat(handler.ids()).containsExactly("c", "d");
  }

  @Test
  void startAtTime_beginsWithTheFirstEventPublishedAtOrAfterThatTime() {
    publish(subject("history"), event("before"));
    Instant published = Instant.now();
    await().until(() -> Instant.now().isAfter(published.plusMillis(50)));
    Instant mark = Instant.now();
    await().until(() -> Instant.now().isAfter(mark.plusMillis(50)));
    publishAll(subject("history"), "after-1", "after-2");
    RecordingHandler handler = RecordingHandler.autoAck();

    subscribe("history", from(StartPosition.atTime(mark)), handler);

    assertSettlesAt(handler::count, 2, quietPeriod());
    assertThat(handler.ids()).containsExactly("after-1", "after-2");
  }

  @Test
  void replayedDeliveries_carryTheSequenceOfTheirReceipt() {
    requires(Capability.SEQUENCES);
    List<PublishReceipt> receipts = publishAll(subject("history"), "a", "b");
    RecordingHandler handler = RecordingHandler.autoAck();

    subscribe("history", from(StartPosition.all()), handler);

    await().until(() -> handler.count() == 2);
    assertThat(handler.deliveries())
        .extracting(d -> d.sequence().orElseThrow())
        .containsExactly(
            receipts.get(0).sequence().orElseThrow(), receipts.get(1).sequence().orElseThrow());
  }

  @Test
  void startAll_twoSubscriptions_eachReplayIndependently() {
    publishAll(subject("history"), "a", "b");
    RecordingHandler first = RecordingHandler.autoAck();
    RecordingHandler second = RecordingHandler.autoAck();

    subscribe("history", from(StartPosition.all()), first);
    subscribe("history", from(StartPosition.all()), second);

    await().until(() -> first.count() == 2 && second.count() == 2);
    assertThat(second.deliveries()).extracting(Delivery::deliveryCount).containsOnly(1);
  }

  @Test
  void newGroupStartingAtAll_replaysEachEventToOneMember() {
    requires(Capability.CONSUMER_GROUPS);
    publishAll(subject("history"), ids("old", 10));
    String readers = group("readers");
    RecordingHandler first = RecordingHandler.autoAck();
    RecordingHandler second = RecordingHandler.autoAck();

    subscribe("history", from(StartPosition.all()).withGroup(readers), first);
    subscribe("history", from(StartPosition.all()).withGroup(readers), second);

    assertSettlesAt(() -> first.count() + second.count(), 10, quietPeriod());
    List<String> all = new java.util.ArrayList<>(first.ids());
    all.addAll(second.ids());
    assertThat(all).containsExactlyInAnyOrder(ids("old", 10));
  }

  private SubscribeOptions from(StartPosition start) {
    return SubscribeOptions.defaults()
        .withStart(start)
        .withAckWait(kit().scaled(Duration.ofSeconds(5)));
  }
}
