package io.sluice.broker;

import io.sluice.envelope.CloudEvent;
import io.sluice.subject.Subject;
import io.sluice.subject.SubjectPattern;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Wraps any broker and tells listeners what happens, so no adapter has to. */
final class ObservedBroker implements Broker {
  private static final Logger LOG = LoggerFactory.getLogger(ObservedBroker.class);

  private final Broker delegate;
  private final List<BrokerListener> listeners;
  private final Clock clock = Clock.systemUTC();

  ObservedBroker(Broker delegate, List<BrokerListener> listeners) {
    this.delegate = delegate;
    this.listeners = List.copyOf(listeners);
  }

  @Override
  public String url() {
    return delegate.url();
  }

  @Override
  public Set<Capability> capabilities() {
    return delegate.capabilities();
  }

  @Override
  public CompletionStage<PublishReceipt> publish(
      Subject subject, CloudEvent event, AckMode ackMode) {
    long start = System.nanoTime();
    return delegate
        .publish(subject, event, ackMode)
        .whenComplete(
            (receipt, error) -> {
              if (receipt != null) {
                emit(
                    new BrokerEvent.Published(
                        clock.instant(), receipt, Duration.ofNanos(System.nanoTime() - start)));
              } else if (unwrap(error) instanceof BrokerException e) {
                emit(new BrokerEvent.PublishFailed(clock.instant(), subject, event.id(), e));
              }
            });
  }

  @Override
  public Subscription subscribe(
      SubjectPattern pattern, SubscribeOptions options, DeliveryHandler handler) {
    String group = options.group();
    return delegate.subscribe(
        pattern,
        options,
        delivery -> {
          emit(
              new BrokerEvent.Delivered(
                  clock.instant(),
                  delivery.subject(),
                  delivery.event().id(),
                  group,
                  delivery.deliveryCount()));
          handler.onDelivery(new ObservedDelivery(delivery, group));
        });
  }

  @Override
  public CompletionStage<CloudEvent> request(
      Subject subject, CloudEvent request, Duration timeout) {
    return delegate.request(subject, request, timeout);
  }

  @Override
  public ConnectionState state() {
    return delegate.state();
  }

  @Override
  public CompletionStage<Void> drain(Duration timeout) {
    return delegate
        .drain(timeout)
        .whenComplete(
            (v, e) ->
                emit(new BrokerEvent.ConnectionChanged(clock.instant(), ConnectionState.CLOSED)));
  }

  @Override
  public void close() {
    delegate.close();
    emit(new BrokerEvent.ConnectionChanged(clock.instant(), ConnectionState.CLOSED));
  }

  private void emit(BrokerEvent event) {
    for (BrokerListener listener : listeners) {
      try {
        listener.on(event);
      } catch (RuntimeException e) {
        LOG.warn("broker listener {} failed on {}", listener, event.getClass().getSimpleName(), e);
      }
    }
  }

  private static Throwable unwrap(Throwable t) {
    return t instanceof CompletionException && t.getCause() != null ? t.getCause() : t;
  }

  private final class ObservedDelivery implements Delivery {
    private final Delivery d;
    private final String group;

    ObservedDelivery(Delivery d, String group) {
      this.d = d;
      this.group = group;
    }

    @Override
    public Subject subject() {
      return d.subject();
    }

    @Override
    public CloudEvent event() {
      return d.event();
    }

    @Override
    public int deliveryCount() {
      return d.deliveryCount();
    }

    @Override
    public OptionalLong sequence() {
      return d.sequence();
    }

    @Override
    public CompletionStage<Void> ack() {
      return settled(d.ack(), BrokerEvent.Outcome.ACKED);
    }

    @Override
    public CompletionStage<Void> nack(Duration delay) {
      return settled(d.nack(delay), BrokerEvent.Outcome.NACKED);
    }

    @Override
    public CompletionStage<Void> term() {
      return settled(d.term(), BrokerEvent.Outcome.TERMINATED);
    }

    @Override
    public boolean expectsReply() {
      return d.expectsReply();
    }

    @Override
    public CompletionStage<Void> reply(CloudEvent reply) {
      return d.reply(reply);
    }

    private CompletionStage<Void> settled(
        CompletionStage<Void> stage, BrokerEvent.Outcome outcome) {
      return stage.whenComplete(
          (v, e) -> {
            if (e == null) {
              emit(
                  new BrokerEvent.Settled(
                      clock.instant(), d.subject(), d.event().id(), group, outcome));
            }
          });
    }
  }
}
