package io.sluice.testkit;

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

/** Passes every call to a real broker; tests override what they want to observe or hide. */
class DelegatingBroker implements Broker {
  private final Broker broker;

  DelegatingBroker(Broker broker) {
    this.broker = broker;
  }

  @Override
  public String url() {
    return broker.url();
  }

  @Override
  public Set<Capability> capabilities() {
    return broker.capabilities();
  }

  @Override
  public CompletionStage<PublishReceipt> publish(Subject s, CloudEvent e, AckMode mode) {
    return broker.publish(s, e, mode);
  }

  @Override
  public Subscription subscribe(SubjectPattern p, SubscribeOptions o, DeliveryHandler h) {
    return broker.subscribe(p, o, h);
  }

  @Override
  public CompletionStage<CloudEvent> request(Subject s, CloudEvent e, Duration timeout) {
    return broker.request(s, e, timeout);
  }

  @Override
  public ConnectionState state() {
    return broker.state();
  }

  @Override
  public CompletionStage<Void> drain(Duration timeout) {
    return broker.drain(timeout);
  }

  @Override
  public void close() {
    broker.close();
  }
}
