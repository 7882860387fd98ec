package io.sluice.gateway.push;

import io.sluice.broker.AckMode;
import io.sluice.broker.Broker;
import io.sluice.broker.Capability;
import io.sluice.broker.Delivery;
import io.sluice.broker.SubscribeOptions;
import io.sluice.broker.Subscription;
import io.sluice.envelope.CloudEvent;
import io.sluice.envelope.Extensions;
import io.sluice.envelope.JsonFormat;
import io.sluice.gateway.policy.Action;
import io.sluice.gateway.policy.Decision;
import io.sluice.gateway.policy.PolicyEngine;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one push subscription: a durable group subscription whose deliveries are checked against the
 * owner's policy, POSTed to the endpoint, and settled by the answer. 2xx acks; a failure nacks with
 * the backoff delay until {@code maxAttempts}, then the event is published to the dead-letter
 * subject and acked only once that publish succeeded. The broker's {@code maxInFlight} (the
 * subscription's concurrency) bounds the requests in flight.
 */
final class PushDeliverer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(PushDeliverer.class);

  private final PushSubscription s;
  private final Vertx vertx;
  private final Broker broker;
  private final PolicyEngine policy;
  private final PushMetrics metrics;
  private final PushAudit audit;
  private final Clock clock;
  private final EndpointClient client;
  private final FailureLog failures;
  private volatile Subscription subscription;

  PushDeliverer(
      PushSubscription s,
      Vertx vertx,
      Broker broker,
      PolicyEngine policy,
      PushMetrics metrics,
      PushAudit audit,
      Clock clock) {
    this.s = s;
    this.vertx = vertx;
    this.broker = broker;
    this.policy = policy;
    this.metrics = metrics;
    this.audit = audit;
    this.clock = clock;
    this.client = new EndpointClient(vertx, s);
    this.failures = new FailureLog(LOG, s.name());
  }

  /** Subscribes; throws the broker's exception when the subscription cannot start. */
  void start() {
    Duration ackWait = SubscribeOptions.DEFAULT_ACK_WAIT.plus(s.timeout());
    SubscribeOptions options =
        SubscribeOptions.group(s.group()).withMaxInFlight(s.concurrency()).withAckWait(ackWait);
    subscription = broker.subscribe(s.pattern(), options, this::onDelivery);
    metrics.up(true);
  }

  private void onDelivery(Delivery d) {
    Decision decision = policy.decide(s.owner(), Action.SUBSCRIBE, d.subject().value());
    if (!decision.allowed()) {
      audit.denied(s, d, decision);
      metrics.outcome("denied");
      d.ack();
      return;
    }
    byte[] body = JsonFormat.encode(d.event());
    MultiMap headers = headers(d, body);
    long started = System.nanoTime();
    metrics.started();
    client
        .post(headers, body)
        .onComplete(ar -> settle(d, ar.result(), Duration.ofNanos(System.nanoTime() - started)));
  }

  private MultiMap headers(Delivery d, byte[] body) {
    return MultiMap.caseInsensitiveMultiMap()
        .add("Content-Type", JsonFormat.CONTENT_TYPE)
        .add("User-Agent", "sluice-push")
        .add(Signature.HEADER, Signature.header(s.secret(), clock.instant().getEpochSecond(), body))
        .add("Sluice-Subscription", s.name())
        .add("Sluice-Subject", d.subject().value())
        .add("Sluice-Delivery-Attempt", Integer.toString(d.deliveryCount()));
  }

  private void settle(Delivery d, AttemptResult result, Duration took) {
    metrics.attempted(result, took);
    if (result.accepted()) {
      failures.recovered();
      d.ack();
      metrics.outcome("delivered");
      return;
    }
    failures.failed(d.subject().value(), result.describe());
    audit.failed(s, d, result);
    if (d.deliveryCount() >= s.maxAttempts()) {
      deadLetter(d, result);
    } else {
      metrics.outcome("retried");
      retry(d, s.backoff().delay(d.deliveryCount(), ThreadLocalRandom.current()::nextDouble));
    }
  }

  /** Nacks with the delay, or waits here first when the broker cannot delay a redelivery. */
  private void retry(Delivery d, Duration delay) {
    if (broker.has(Capability.DELAYED_REDELIVERY)) {
      d.nack(delay);
    } else {
      vertx.setTimer(Math.max(1, delay.toMillis()), t -> d.nack(Duration.ZERO));
    }
  }

  private void deadLetter(Delivery d, AttemptResult last) {
    AckMode ack =
        broker.has(Capability.DURABLE_PUBLISH) ? AckMode.DURABLE : AckMode.FIRE_AND_FORGET;
    broker
        .publish(s.deadLetter(), deadLetterEvent(d, last), ack)
        .whenComplete(
            (receipt, error) -> {
              if (error != null) {
                failures.failed(s.deadLetter().value(), "dead-letter publish failed");
                retry(d, s.backoff().max());
                return;
              }
              d.ack();
              metrics.outcome("dead_lettered");
              audit.deadLettered(s, d, last);
            });
  }

  private CloudEvent deadLetterEvent(Delivery d, AttemptResult last) {
    CloudEvent original = d.event();
    CloudEvent.Builder b =
        original.toBuilder()
            .extension(Extensions.IDEMPOTENCY_KEY, "push " + s.name() + " " + original.id())
            .extension(DeadLetterExtensions.REASON, "exhausted")
            .extension(DeadLetterExtensions.ATTEMPTS, d.deliveryCount())
            .extension(DeadLetterExtensions.ERROR_TYPE, last.kind())
            .extension(DeadLetterExtensions.ERROR_MESSAGE, last.describe())
            .extension(DeadLetterExtensions.ORIGINAL_SUBJECT, d.subject().value())
            .extension(DeadLetterExtensions.SUBSCRIPTION, s.name());
    if (last.status() > 0) {
      b.extension(DeadLetterExtensions.STATUS, last.status());
    }
    return b.build();
  }

  /** Stops deliveries; unsettled ones are redelivered to the group later. */
  @Override
  public void close() {
    Subscription running = subscription;
    if (running != null) {
      running.close();
    }
    metrics.up(false);
    client.close();
  }
}
