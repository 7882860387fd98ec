package io.sluice.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.broker.SubscribeOptions;
import io.sluice.broker.Subscription;
import org.junit.jupiter.api.Test;

abstract class SubscribingTests extends KitTests {

  @Test
  void subscribe_exactSubject_receivesOnlyThatSubject() {
    RecordingHandler handler = RecordingHandler.autoAck();
    subscribe("orders.created", handler);

    publish(subject("orders.updated"), event("other"));
    publish(subject("orders.created.eu"), event("deeper"));
    publish(subject("orders.created"), event("wanted"));

    await().until(() -> handler.count() >= 1);
    assertSettlesAt(handler::count, 1, quietPeriod());
    assertThat(handler.ids()).containsExactly("wanted");
  }

  @Test
  void subscribe_singleTokenWildcard_matchesExactlyOneToken() {
    RecordingHandler handler = RecordingHandler.autoAck();
    subscribe("orders.*.created", handler);

    publish(subject("orders.eu.created"), event("one-token"));
    publish(subject("orders.eu.de.created"), event("two-tokens"));
    publish(subject("orders.created"), event("no-token"));
    publish(subject("orders.us.created"), event("another"));

    assertSettlesAt(handler::count, 2, quietPeriod());
    assertThat(handler.ids()).containsExactlyInAnyOrder("one-token", "another");
  }

  @Test
  void subscribe_tailWildcard_matchesEveryDeeperSubjectButNotTheParent() {
    RecordingHandler handler = RecordingHandler.autoAck();
    subscribe("orders.>", handler);

    publish(subject("orders"), event("parent"));
    publish(subject("orders.eu"), event("child"));
    publish(subject("orders.eu.de.berlin"), event("grandchild"));

    assertSettlesAt(handler::count, 2, quietPeriod());
    assertThat(handler.ids()).containsExactlyInAnyOrder("child", "grandchild");
  }

  @Test
  void subscribe_byDefault_doesNotSeeEventsPublishedBefore() {
    publish(subject("news"), event("old"));
    RecordingHandler handler = RecordingHandler.autoAck();
    subscribe("news", handler);

    publish(subject("news"), event("new"));

    assertSettlesAt(handler::count, 1, quietPeriod());
    assertThat(handler.ids()).containsExactly("new");
  }

  @Test
  void subscribe_twoPrivateSubscriptions_eachReceiveEveryEvent() {
    RecordingHandler first = RecordingHandler.autoAck();
    RecordingHandler second = RecordingHandler.autoAck();
    subscribe("news", first);
    subscribe("news", second);

    publishAll(subject("news"), "a", "b", "c");

    await().until(() -> first.count() == 3 && second.count() == 3);
    assertThat(first.ids()).containsExactly("a", "b", "c");
    assertThat(second.ids()).containsExactly("a", "b", "c");
  }

  @Test
  void subscription_afterClose_receivesNothingMore() {
    RecordingHandler handler = RecordingHandler.autoAck();
    Subscription subscription = subscribe("news", handler);
    publish(subject("news"), event("before"));
    await().until(() -> handler.count() == 1);

    subscription.close();
    publish(subject("news"), event("after"));

    assertThat(subscription.isActive()).isFalse();
    assertSettlesAt(handler::count, 1, quietPeriod());
  }

  @Test
  void subscription_reportsItsPatternAndGroup() {
    Subscription plain = subscribe("news.>", RecordingHandler.autoAck());

    assertThat(plain.pattern()).isEqualTo(kit().pattern("news.>"));
    assertThat(plain.group()).isEmpty();
    assertThat(plain.isActive()).isTrue();
  }

  @Test
  void subscription_close_isIdempotent() {
    Subscription subscription = subscribe("news", SubscribeOptions.defaults(), d -> d.ack());

    subscription.close();
    subscription.close();

    assertThat(subscription.isActive()).isFalse();
  }
}
