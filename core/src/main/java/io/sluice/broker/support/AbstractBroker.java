package io.sluice.broker.support;

import io.sluice.broker.AckMode;
import io.sluice.broker.Broker;
import io.sluice.broker.Capability;
import io.sluice.broker.DeliveryHandler;
import io.sluice.broker.SubscribeOptions;
import io.sluice.envelope.CloudEvent;
import io.sluice.subject.Subject;
import io.sluice.subject.SubjectPattern;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * What every broker adapter starts with: its redacted URL, its capabilities, and the argument
 * checks at the top of {@code publish}, {@code subscribe} and {@code request}. Everything past
 * those checks, including when the adapter counts as closed, stays the adapter's own.
 */
public abstract class AbstractBroker implements Broker {
  private final String url;
  private final Set<Capability> capabilities;

  protected AbstractBroker(String url, Set<Capability> capabilities) {
    this.url = Objects.requireNonNull(url, "url");
    this.capabilities = Objects.requireNonNull(capabilities, "capabilities");
  }

  @Override
  public final String url() {
    return url;
  }

  @Override
  public final Set<Capability> capabilities() {
    return capabilities;
  }

  /** Throws NullPointerException naming the first of the arguments that is null. */
  protected static void checkPublish(Subject subject, CloudEvent event, AckMode ackMode) {
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(event, "event");
    Objects.requireNonNull(ackMode, "ackMode");
  }

  /** Throws NullPointerException naming the first of the arguments that is null. */
  protected static void checkSubscribe(
      SubjectPattern pattern, SubscribeOptions options, DeliveryHandler handler) {
    Objects.requireNonNull(pattern, "pattern");
    Objects.requireNonNull(options, "options");
    Objects.requireNonNull(handler, "handler");
  }

  /** Throws NullPointerException naming the first of the arguments that is null. */
  protected static void checkRequest(Subject subject, CloudEvent request, Duration timeout) {
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(timeout, "timeout");
  }
}
