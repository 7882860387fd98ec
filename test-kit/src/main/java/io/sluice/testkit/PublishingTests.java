package io.sluice.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.broker.AckMode;
import io.sluice.broker.Capability;
import io.sluice.broker.PublishReceipt;
import io.sluice.broker.StartPosition;
import io.sluice.broker.SubscribeOptions;
import io.sluice.subject.Subject;
import java.util.List;
import org.junit.jupiter.api.Test;

abstract class PublishingTests extends KitTests {

  @Test
  void publish_fireAndForget_completesWithReceiptNamingSubjectAndEventId() {
    Subject orders = subject("orders");

    PublishReceipt receipt = publish(orders, event("e-1"));

    assertThat(receipt.subject()).isEqualTo(orders);
    assertThat(receipt.eventId()).isEqualTo("e-1");
    assertThat(receipt.duplicate()).isFalse();
  }

  @Test
  void publish_durable_completesWithDurableReceipt() {
    PublishReceipt receipt = publishDurably(subject("orders"), event("e-1"));

    assertThat(receipt.ackMode()).isEqualTo(AckMode.DURABLE);
    assertThat(receipt.eventId()).isEqualTo("e-1");
  }

  @Test
  void publish_withSequences_durableReceiptsCarryIncreasingSequences() {
    requires(Capability.SEQUENCES);
    Subject orders = subject("orders");

    long first = publishDurably(orders, event("e-1")).sequence().orElseThrow();
    long second = publishDurably(orders, event("e-2")).sequence().orElseThrow();

    assertThat(second).isGreaterThan(first);
  }

  @Test
  void liveDelivery_carriesTheSequenceOfItsReceipt() {
    requires(Capability.SEQUENCES);
    RecordingHandler handler = RecordingHandler.autoAck();
    subscribe("orders", handler);

    PublishReceipt receipt = publishDurably(subject("orders"), event("e-1"));

    await().until(() -> handler.count() == 1);
    assertThat(handler.get(0).sequence()).isEqualTo(receipt.sequence());
  }

  @Test
  void publish_withNoSubscriber_stillCompletes() {
    PublishReceipt receipt = publish(subject("nobody.listens"), event("e-1"));

    assertThat(receipt.eventId()).isEqualTo("e-1");
  }

  @Test
  void publish_manyEvents_deliversEveryOne() {
    RecordingHandler handler = RecordingHandler.autoAck();
    subscribe("bulk", handler);

    publishAll(subject("bulk"), ids("e", 200));

    await().until(() -> handler.count() == 200);
    assertThat(handler.ids()).containsExactlyInAnyOrder(ids("e", 200));
  }

  @Test
  void publish_bothAckModes_areDeliveredAlike() {
    RecordingHandler handler = RecordingHandler.autoAck();
    subscribe("modes", handler);

    publish(subject("modes"), event("quick"));
    publishDurably(subject("modes"), event("durable"));

    await().until(() -> handler.count() == 2);
    assertThat(handler.ids()).containsExactlyInAnyOrder("quick", "durable");
  }

  @Test
  void publish_sameEventToTwoSubjects_landsOnEach() {
    RecordingHandler handler = RecordingHandler.autoAck();
    subscribe("fanout.>", handler);

    List<PublishReceipt> receipts =
        List.of(
            publish(subject("fanout.a"), event("e-1")), publish(subject("fanout.b"), event("e-1")));

    await().until(() -> handler.count() == 2);
    assertThat(receipts).extracting(PublishReceipt::subject).doesNotHaveDuplicates();
    assertThat(handler.deliveries())
        .extracting(d -> d.subject().value())
        .containsExactlyInAnyOrder(subject("fanout.a").value(), subject("fanout.b").value());
  }

  @Test
  void durablePublish_survivesClosingAndReopeningTheBroker() {
    requires(Capability.DURABLE_PUBLISH, Capability.REPLAY);
    publishDurably(subject("kept"), event("kept-1"));

    kit().reopen();
    RecordingHandler handler = RecordingHandler.autoAck();
    subscribe("kept", SubscribeOptions.defaults().withStart(StartPosition.all()), handler);

    await()
        .untilAsserted(
            () ->
                assertThat(handler.ids())
                    .as(
                        "events replayed after reopenBroker(); if openBroker() creates fresh"
                            + " storage, override reopenBroker(previous) to reopen the same one")
                    .containsExactly("kept-1"));
  }
}
