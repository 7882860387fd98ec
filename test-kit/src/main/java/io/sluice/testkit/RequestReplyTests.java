package io.sluice.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.broker.Capability;
import io.sluice.broker.Delivery;
import io.sluice.broker.NoRespondersException;
import io.sluice.broker.RequestTimeoutException;
import io.sluice.broker.SubscribeOptions;
import io.sluice.envelope.CloudEvent;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

abstract class RequestReplyTests extends KitTests {

  @BeforeEach
  void requiresRequestReply() {
    requires(Capability.REQUEST_REPLY);
  }

  @Test
  void request_completesWithTheResponderReply() {
    subscribe("rpc.echo", SubscribeOptions.defaults(), RequestReplyTests::echo);

    CloudEvent reply = join(broker().request(subject("rpc.echo"), event("ping"), timeout()));

    assertThat(reply.id()).isEqualTo("reply-to-ping");
    assertThat(reply.data())
        .hasValueSatisfying(
            d -> assertThat(d).isEqualTo("ping".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
  }

  @Test
  void requestDelivery_expectsReply_butPublishedDeliveryDoesNot() {
    RecordingHandler handler =
        RecordingHandler.reacting(
            d -> {
              if (d.expectsReply()) {
                d.reply(event("answer"));
              }
              d.ack();
            });
    subscribe("rpc.mixed", handler);

    publish(subject("rpc.mixed"), event("plain"));
    join(broker().request(subject("rpc.mixed"), event("asked"), timeout()));

    await().until(() -> handler.count() == 2);
    assertThat(handler.deliveries())
        .filteredOn(d -> d.event().id().equals("asked"))
        .allMatch(Delivery::expectsReply);
    assertThat(handler.deliveries())
        .filteredOn(d -> d.event().id().equals("plain"))
        .noneMatch(Delivery::expectsReply);
  }

  @Test
  void request_withoutReply_failsWithRequestTimeout() {
    subscribe("rpc.silent", RecordingHandler.autoAck());

    Throwable failure =
        failureOf(
            broker()
                .request(
                    subject("rpc.silent"), event("hello"), kit().scaled(Duration.ofMillis(300))));

    assertThat(failure).isInstanceOf(RequestTimeoutException.class);
    assertThat(failure.getMessage()).contains(subject("rpc.silent").value());
  }

  @Test
  void request_withNobodySubscribed_failsWithNoResponders() {
    requires(Capability.NO_RESPONDERS_DETECTION);

    Throwable failure =
        failureOf(broker().request(subject("rpc.nobody"), event("hello"), timeout()));

    assertThat(failure).isInstanceOf(NoRespondersException.class);
    assertThat(failure.getMessage()).contains(subject("rpc.nobody").value());
  }

  @Test
  void reply_toAPublishedEvent_failsWithIllegalState() {
    RecordingHandler handler = RecordingHandler.manual();
    subscribe("rpc.plain", handler);
    publish(subject("rpc.plain"), event("plain"));
    await().until(() -> handler.count() == 1);

    Throwable failure = failureOf(() -> handler.get(0).reply(event("unasked")));

    assertThat(failure).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void request_toAGroup_isAnsweredOnce() {
    requires(Capability.CONSUMER_GROUPS);
    String responders = group("responders");
    RecordingHandler first = RecordingHandler.reacting(RequestReplyTests::echo);
    RecordingHandler second = RecordingHandler.reacting(RequestReplyTests::echo);
    subscribe("rpc.group", SubscribeOptions.group(responders), first);
    subscribe("rpc.group", SubscribeOptions.group(responders), second);

    CloudEvent reply = join(broker().request(subject("rpc.group"), event("ping"), timeout()));

    assertThat(reply.id()).isEqualTo("reply-to-ping");
    assertSettlesAt(() -> first.count() + second.count(), 1, quietPeriod());
  }

  @Test
  void request_repliedLate_keepsTheFirstReply() {
    AtomicBoolean replied = new AtomicBoolean();
    subscribe(
        "rpc.twice",
        SubscribeOptions.defaults(),
        d -> {
          d.reply(eventBuilder("first").build());
          d.reply(eventBuilder("second").build());
          replied.set(true);
          d.ack();
        });

    CloudEvent reply = join(broker().request(subject("rpc.twice"), event("ping"), timeout()));

    assertThat(reply.id()).isEqualTo("first");
    await().untilTrue(replied);
  }

  private Duration timeout() {
    return kit().scaled(Duration.ofSeconds(5));
  }

  private static void echo(Delivery d) {
    CloudEvent request = d.event();
    d.reply(
        eventBuilder("reply-to-" + request.id())
            .data("text/plain", request.data().orElse(new byte[0]))
            .build());
    d.ack();
  }
}
