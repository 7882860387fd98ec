package io.sluice.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.broker.Capability;
import io.sluice.broker.PublishReceipt;
import io.sluice.envelope.Extensions;
import io.sluice.subject.Subject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

abstract class DeduplicationTests extends KitTests {

  @BeforeEach
  void requiresDeduplication() {
    requires(Capability.DEDUPLICATION);
  }

  @Test
  void repeatedIdempotencyKey_isReportedAsDuplicate() {
    Subject payments = subject("payments");

    PublishReceipt first = publishDurably(payments, withKey("p-1", "pay-42"));
    PublishReceipt again = publishDurably(payments, withKey("p-1-retry", "pay-42"));

    assertThat(first.duplicate()).isFalse();
    assertThat(again.duplicate()).isTrue();
  }

  @Test
  void duplicateReceipt_carriesTheOriginalSequence() {
    requires(Capability.SEQUENCES);
    Subject payments = subject("payments");

    PublishReceipt first = publishDurably(payments, withKey("p-1", "pay-42"));
    publishDurably(payments, event("unrelated"));
    PublishReceipt again = publishDurably(payments, withKey("p-1", "pay-42"));

    assertThat(again.sequence()).isEqualTo(first.sequence());
  }

  @Test
  void duplicate_isNotDeliveredAgain() {
    RecordingHandler handler = RecordingHandler.autoAck();
    subscribe("payments", handler);

    publishDurably(subject("payments"), withKey("p-1", "pay-42"));
    publishDurably(subject("payments"), withKey("p-1", "pay-42"));
    publishDurably(subject("payments"), event("after"));

    assertSettlesAt(handler::count, 2, quietPeriod());
    assertThat(handler.ids()).containsExactly("p-1", "after");
  }

  @Test
  void differentIdempotencyKeys_areBothDelivered() {
    RecordingHandler handler = RecordingHandler.autoAck();
    subscribe("payments", handler);

    publishDurably(subject("payments"), withKey("p-1", "pay-1"));
    publishDurably(subject("payments"), withKey("p-2", "pay-2"));

    assertSettlesAt(handler::count, 2, quietPeriod());
    assertThat(handler.ids()).containsExactly("p-1", "p-2");
  }

  @Test
  void eventsWithoutIdempotencyKey_areNeverTreatedAsDuplicates() {
    RecordingHandler handler = RecordingHandler.autoAck();
    subscribe("payments", handler);

    PublishReceipt first = publishDurably(subject("payments"), event("same-id"));
    PublishReceipt second = publishDurably(subject("payments"), event("same-id"));

    assertThat(first.duplicate()).isFalse();
    assertThat(second.duplicate()).isFalse();
    await().until(() -> handler.count() == 2);
  }

  /** Keys are made unique to the test: brokers such as JetStream remember keys per stream. */
  private io.sluice.envelope.CloudEvent withKey(String id, String key) {
    return keyed(id, Extensions.IDEMPOTENCY_KEY, group(key));
  }
}
