package io.sluice.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.broker.AckMode;
import io.sluice.broker.BrokerClosedException;
import io.sluice.broker.BrokerException;
import io.sluice.broker.BrokerProvider;
import io.sluice.broker.SubscribeOptions;
import java.time.Duration;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

abstract class ErrorTests extends KitTests {

  @Test
  void capabilities_areThoseItsProviderDeclares() {
    String scheme = broker().url().substring(0, broker().url().indexOf(':')).toLowerCase();
    BrokerProvider provider =
        ServiceLoader.load(BrokerProvider.class).stream()
            .map(ServiceLoader.Provider::get)
            .filter(p -> p.schemes().contains(scheme))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no provider for scheme " + scheme));

    assertThat(broker().capabilities()).isEqualTo(provider.capabilities());
  }

  @Test
  void publish_afterClose_failsWithBrokerClosed() {
    broker().close();

    Throwable failure =
        failureOf(() -> broker().publish(subject("late"), event("e-1"), AckMode.DURABLE));

    assertThat(failure).isInstanceOf(BrokerClosedException.class);
    assertThat(((BrokerException) failure).isTransient()).isFalse();
  }

  @Test
  void subscribe_afterClose_failsWithBrokerClosed() {
    broker().close();

    assertThatThrownBy(() -> subscribe("late", RecordingHandler.autoAck()))
        .isInstanceOf(BrokerClosedException.class);
  }

  @Test
  void request_afterClose_failsWithBrokerClosed() {
    broker().close();

    Throwable failure =
        failureOf(() -> broker().request(subject("late"), event("q"), Duration.ofSeconds(1)));

    assertThat(failure).isInstanceOf(BrokerClosedException.class);
  }

  @Test
  void settling_afterClose_doesNotRedeliver() {
    RecordingHandler handler = RecordingHandler.manual();
    subscribe("late", handler);
    publish(subject("late"), event("e-1"));
    await().until(() -> handler.count() == 1);
    broker().close();

    Throwable outcome = failureOrNull(() -> handler.get(0).ack());

    assertThat(outcome)
        .satisfiesAnyOf(
            t -> assertThat(t).isNull(), t -> assertThat(t).isInstanceOf(BrokerException.class));
    assertThat(handler.count()).isEqualTo(1);
  }

  @Test
  void invalidGroupName_isRejectedWithAMessageNamingIt() {
    assertThatThrownBy(() -> SubscribeOptions.group("has.dots"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("has.dots");
  }

  @Test
  void invalidLimits_areRejectedTogether() {
    assertThatThrownBy(
            () -> SubscribeOptions.defaults().withMaxInFlight(0).withAckWait(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("maxInFlight must be >= 1 but was 0");
    assertThatThrownBy(() -> SubscribeOptions.defaults().withMaxDeliveries(-1))
        .hasMessageContaining("maxDeliveries must be >= 0 but was -1");
  }

  @Test
  void nack_withNegativeDelay_isRejected() {
    RecordingHandler handler = RecordingHandler.manual();
    subscribe("bad", handler);
    publish(subject("bad"), event("e-1"));
    await().until(() -> handler.count() == 1);

    Throwable failure = failureOf(() -> handler.get(0).nack(Duration.ofSeconds(-1)));

    assertThat(failure).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void publish_withMissingArguments_failsWithNullPointer() {
    assertThatThrownBy(() -> broker().publish(null, event("e-1"), AckMode.FIRE_AND_FORGET))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> broker().publish(subject("x"), null, AckMode.FIRE_AND_FORGET))
        .isInstanceOf(NullPointerException.class);
  }

  @Test
  void url_neverShowsAPassword() {
    assertThat(broker().url()).isNotBlank().doesNotContainPattern("//[^/@]*:[^/@]*@");
  }

  private Throwable failureOrNull(
      java.util.function.Supplier<java.util.concurrent.CompletionStage<?>> op) {
    try {
      join(op.get());
      return null;
    } catch (RuntimeException e) {
      return e.getCause() != null && e instanceof java.util.concurrent.CompletionException
          ? e.getCause()
          : e;
    }
  }
}
