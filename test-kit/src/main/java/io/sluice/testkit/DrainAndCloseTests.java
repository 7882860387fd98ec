package io.sluice.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.broker.AckMode;
import io.sluice.broker.BrokerClosedException;
import io.sluice.broker.Capability;
import io.sluice.broker.ConnectionState;
import io.sluice.broker.Subscription;
import io.sluice.envelope.CloudEvent;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

abstract class DrainAndCloseTests extends KitTests {

  @Test
  void openBroker_isConnectedAndReady() {
    assertThat(broker().state()).isEqualTo(ConnectionState.CONNECTED);
    assertThat(broker().state().isReady()).isTrue();
  }

  @Test
  void close_leavesTheBrokerClosed_andIsIdempotent() {
    broker().close();
    broker().close();

    assertThat(broker().state()).isEqualTo(ConnectionState.CLOSED);
    assertThat(broker().state().isReady()).isFalse();
  }

  @Test
  void drain_letsTheDeliveryInTheHandlerFinish_thenCloses() throws InterruptedException {
    CountDownLatch entered = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    AtomicBoolean finished = new AtomicBoolean();
    subscribe(
        "drain",
        quickOptions(),
        d -> {
          entered.countDown();
          release.await(10, TimeUnit.SECONDS);
          finished.set(true);
          d.ack();
        });
    publish(subject("drain"), event("in-progress"));
    assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();

    CompletionStage<Void> drained = broker().drain(kit().scaled(Duration.ofSeconds(10)));
    release.countDown();
    join(drained);

    assertThat(finished).isTrue();
    assertThat(broker().state()).isEqualTo(ConnectionState.CLOSED);
  }

  @Test
  void drain_withNothingInFlight_closesPromptly() {
    subscribe("drain", RecordingHandler.autoAck());

    join(broker().drain(kit().scaled(Duration.ofSeconds(5))));

    assertThat(broker().state()).isEqualTo(ConnectionState.CLOSED);
  }

  @Test
  void subscriptionDrain_completesAndDeactivatesIt() {
    RecordingHandler handler = RecordingHandler.autoAck();
    Subscription subscription = subscribe("drain", handler);
    publish(subject("drain"), event("e-1"));
    await().until(() -> handler.count() == 1);

    join(subscription.drain(kit().scaled(Duration.ofSeconds(5))));
    publish(subject("drain"), event("e-2"));

    assertThat(subscription.isActive()).isFalse();
    assertSettlesAt(handler::count, 1, quietPeriod());
  }

  @Test
  void close_failsARequestStillWaitingForItsReply() {
    requires(Capability.REQUEST_REPLY);
    RecordingHandler silent = RecordingHandler.manual();
    subscribe("drain.rpc", silent);
    CompletableFuture<CloudEvent> pending =
        broker()
            .request(subject("drain.rpc"), event("q"), kit().scaled(Duration.ofSeconds(30)))
            .toCompletableFuture();
    await().until(() -> silent.count() == 1);

    broker().close();

    assertThat(failureOf(pending)).isInstanceOf(BrokerClosedException.class);
  }

  @Test
  void close_stopsDeliveriesToOpenSubscriptions() {
    RecordingHandler handler = RecordingHandler.autoAck();
    Subscription subscription = subscribe("drain", handler);

    broker().close();

    assertThat(subscription.isActive()).isFalse();
    assertThat(handler.count()).isZero();
  }

  @Test
  void drain_withAStuckHandler_closesOnceTheTimeoutPasses() throws InterruptedException {
    CountDownLatch release = new CountDownLatch(1);
    RecordingHandler stuck = RecordingHandler.reacting(d -> awaitQuietly(release));
    subscribe("drain", quickOptions(), stuck);
    publish(subject("drain"), event("stuck"));
    await().until(() -> stuck.count() == 1);

    try {
      join(broker().drain(kit().scaled(Duration.ofMillis(300))));

      assertThat(broker().state()).isEqualTo(ConnectionState.CLOSED);
    } finally {
      release.countDown();
    }
  }

  @Test
  void publish_whileDraining_failsWithBrokerClosed() {
    CountDownLatch release = new CountDownLatch(1);
    RecordingHandler stuck = RecordingHandler.reacting(d -> awaitQuietly(release));
    subscribe("drain", quickOptions(), stuck);
    publish(subject("drain"), event("in-progress"));
    await().until(() -> stuck.count() == 1);
    CompletionStage<Void> drained = broker().drain(kit().scaled(Duration.ofSeconds(10)));

    try {
      Throwable failure =
          failureOf(() -> broker().publish(subject("drain"), event("late"), AckMode.DURABLE));

      assertThat(failure).isInstanceOf(BrokerClosedException.class);
    } finally {
      release.countDown();
    }
    join(drained);
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
