package io.sluice.rabbitmq;

import io.sluice.broker.AckMode;
import io.sluice.broker.Broker;
import io.sluice.broker.Capability;
import io.sluice.broker.ConnectionState;
import io.sluice.broker.DeliveryHandler;
import io.sluice.broker.PublishReceipt;
import io.sluice.broker.SubscribeOptions;
import io.sluice.broker.Subscription;
import io.sluice.envelope.CloudEvent;
import io.sluice.subject.Subject;
import io.sluice.subject.SubjectPattern;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.function.BiConsumer;

/** Hands everything to the real broker and reports each group subscription, for clean-up. */
final class GroupRecordingBroker implements Broker {
  private final Broker delegate;
  private final BiConsumer<String, SubjectPattern> groups;

  GroupRecordingBroker(Broker delegate, BiConsumer<String, SubjectPattern> groups) {
    this.delegate = delegate;
    this.groups = groups;
  }

  @Override
  public Subscription subscribe(
      SubjectPattern pattern, SubscribeOptions options, DeliveryHandler handler) {
    options.groupName().ifPresent(group -> groups.accept(group, pattern));
    return delegate.subscribe(pattern, options, handler);
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
    return delegate.publish(subject, event, ackMode);
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
    return delegate.drain(timeout);
  }

  @Override
  public void close() {
    delegate.close();
  }
}
