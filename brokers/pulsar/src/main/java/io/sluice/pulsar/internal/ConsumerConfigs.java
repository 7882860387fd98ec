package io.sluice.pulsar.internal;

import io.sluice.broker.SubscribeOptions;
import io.sluice.subject.Subject;
import io.sluice.subject.SubjectPattern;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.pulsar.client.api.Consumer;
import org.apache.pulsar.client.api.ConsumerBuilder;
import org.apache.pulsar.client.api.RegexSubscriptionMode;
import org.apache.pulsar.client.api.SubscriptionType;

/**
 * Builds the Pulsar consumer of a subscription. Every subscription is Shared: Pulsar counts
 * redeliveries only on Shared and Key_Shared subscriptions, and Shared spreads keyless events over
 * a group's members. ackWait is Pulsar's ackTimeout (at least Pulsar's minimum of 1 s); a nack is a
 * negative acknowledgement redelivered after 100 ms plus the requested delay.
 */
final class ConsumerConfigs {
  static final Duration MIN_ACK_TIMEOUT = Duration.ofSeconds(1);
  static final Duration NACK_REDELIVERY = Duration.ofMillis(100);
  private static final int MAX_RECEIVER_QUEUE = 1000;

  private ConsumerConfigs() {}

  static Consumer<byte[]> subscribe(
      PulsarBroker broker,
      SubjectPattern pattern,
      SubscribeOptions options,
      String name,
      StartFilter start,
      Duration timeout) {
    ConsumerBuilder<byte[]> builder = builder(broker, options, name, start);
    if (pattern.hasWildcards()) {
      builder
          .topicsPattern(broker.names().topics(pattern))
          .subscriptionTopicsMode(RegexSubscriptionMode.PersistentOnly)
          .patternAutoDiscoveryPeriod(
              (int) broker.settings().patternDiscovery().toSeconds(), TimeUnit.SECONDS);
    } else {
      builder.topic(broker.names().topic(Subject.of(pattern.value())));
    }
    try {
      return builder.subscribeAsync().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      throw Failures.ofOperation("subscribe to '" + pattern + "'", e);
    } catch (TimeoutException e) {
      throw PulsarBroker.unavailable(
          "subscribe to '" + pattern + "' got no answer within " + timeout, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw PulsarBroker.unavailable("interrupted while subscribing to '" + pattern + "'", e);
    }
  }

  private static ConsumerBuilder<byte[]> builder(
      PulsarBroker broker, SubscribeOptions options, String name, StartFilter start) {
    Duration ackTimeout =
        options.ackWait().compareTo(MIN_ACK_TIMEOUT) < 0 ? MIN_ACK_TIMEOUT : options.ackWait();
    return broker
        .client()
        .newConsumer()
        .subscriptionName(name)
        .subscriptionType(SubscriptionType.Shared)
        .subscriptionInitialPosition(start.initial())
        .ackTimeout(ackTimeout.toMillis(), TimeUnit.MILLISECONDS)
        .ackTimeoutTickTime(100, TimeUnit.MILLISECONDS)
        .negativeAckRedeliveryDelay(NACK_REDELIVERY.toMillis(), TimeUnit.MILLISECONDS)
        .receiverQueueSize(Math.min(options.maxInFlight(), MAX_RECEIVER_QUEUE))
        .acknowledgmentGroupTime(10, TimeUnit.MILLISECONDS)
        .poolMessages(false);
  }
}
