package io.sluice.nats.internal;

import io.nats.client.Connection;
import io.nats.client.ConsumeOptions;
import io.nats.client.ConsumerContext;
import io.nats.client.JetStreamApiException;
import io.nats.client.Message;
import io.nats.client.MessageConsumer;
import io.nats.client.StreamContext;
import io.nats.client.api.ConsumerConfiguration;
import io.nats.client.api.ConsumerInfo;
import io.sluice.broker.SubscribeOptions;
import io.sluice.broker.Subscription;
import io.sluice.broker.support.GuardedHandler;
import io.sluice.broker.support.InFlight;
import io.sluice.subject.SubjectPattern;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A subscription read from a JetStream pull consumer with explicit acknowledgement. With a group
 * the consumer is durable (named after the group) and shared by every member; without one it is
 * private to this subscription and deleted when it closes.
 */
final class JetStreamSubscription implements Subscription {
  private static final org.slf4j.Logger LOG =
      org.slf4j.LoggerFactory.getLogger(JetStreamSubscription.class);
  private static final int CONSUMER_NOT_FOUND = 10014;
  private static final int MAX_BATCH = 256;
  private static final int RESUME_ATTEMPTS = 60;

  private final StreamContext stream;
  private final SubjectPattern pattern;
  private final String group;
  private final GuardedHandler handler;
  private final AtomicBoolean active = new AtomicBoolean(true);
  private final InFlight inFlight = new InFlight();
  private SubscribeOptions options;
  private String consumerName;
  private volatile MessageConsumer consumer;
  private CoreSubscription requests;

  private JetStreamSubscription(
      StreamContext stream, SubjectPattern pattern, String group, GuardedHandler handler) {
    this.stream = stream;
    this.pattern = pattern;
    this.group = group;
    this.handler = handler;
  }

  /** Starts the consumer, and a core listener for requests addressed to the pattern. */
  static JetStreamSubscription start(
      Connection connection,
      StreamContext stream,
      SubjectPattern pattern,
      SubscribeOptions options,
      GuardedHandler h) {
    JetStreamSubscription s = new JetStreamSubscription(stream, pattern, options.group(), h);
    s.options = options;
    try {
      s.consume(stream.createOrUpdateConsumer(s.configuration(options)));
      s.requests = CoreSubscription.requestsTo(connection, pattern, options.group(), h);
      return s;
    } catch (IOException | JetStreamApiException e) {
      throw Failures.of(
          "create a JetStream consumer for '" + pattern + "' on " + stream.getStreamName(), e);
    }
  }

  private void consume(ConsumerContext context) throws IOException, JetStreamApiException {
    consumerName = context.getConsumerName();
    int batch = Math.min(options.maxInFlight(), MAX_BATCH);
    consumer = context.consume(ConsumeOptions.builder().batchSize(batch).build(), this::onMessage);
  }

  /**
   * Pulls again after the connection came back: the server may have restarted and forgotten the
   * pull requests. A durable consumer resumes where it stopped; a private one is recreated if the
   * server lost it. Retries while JetStream is still recovering.
   */
  synchronized void resume() {
    for (int attempt = 1; attempt <= RESUME_ATTEMPTS && active.get(); attempt++) {
      try {
        closeConsumer();
        consume(existingOrRecreated());
        return;
      } catch (IOException | JetStreamApiException | RuntimeException e) {
        LOG.debug(
            "resuming the consumer of '{}' failed (attempt {})", handler.pattern(), attempt, e);
        pause(attempt);
      }
    }
  }

  private ConsumerContext existingOrRecreated() throws IOException, JetStreamApiException {
    if (existing(consumerName) != null) {
      return stream.getConsumerContext(consumerName);
    }
    return stream.createOrUpdateConsumer(configuration(options));
  }

  private static void pause(int attempt) {
    try {
      Thread.sleep(Math.min(1000, 100L * attempt));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private ConsumerConfiguration configuration(SubscribeOptions options)
      throws IOException, JetStreamApiException {
    ConsumerInfo existing = group == null ? null : existing(group);
    if (existing == null) {
      return ConsumerConfigs.create(pattern, options);
    }
    String filter = existing.getConsumerConfiguration().getFilterSubject();
    if (filter != null && !filter.equals(pattern.value())) {
      throw new IllegalArgumentException(
          "group '"
              + group
              + "' is a durable consumer of stream '"
              + stream.getStreamName()
              + "' reading '"
              + filter
              + "'; a subscription to '"
              + pattern
              + "' needs another group name");
    }
    return ConsumerConfigs.resume(existing.getConsumerConfiguration(), options);
  }

  private ConsumerInfo existing(String name) throws IOException, JetStreamApiException {
    try {
      return stream.getConsumerInfo(name);
    } catch (JetStreamApiException e) {
      if (e.getApiErrorCode() == CONSUMER_NOT_FOUND) {
        return null;
      }
      throw e;
    }
  }

  private void onMessage(Message message) {
    inFlight.enter();
    try {
      if (active.get()) {
        deliver(message);
      }
    } finally {
      inFlight.exit();
    }
  }

  private void deliver(Message message) {
    if (!Inbound.deliver(message, handler, event -> new JetStreamDelivery(message, event))) {
      message.term();
    }
  }

  @Override
  public SubjectPattern pattern() {
    return pattern;
  }

  @Override
  public Optional<String> group() {
    return Optional.ofNullable(group);
  }

  @Override
  public boolean isActive() {
    return active.get();
  }

  @Override
  public CompletionStage<Void> drain(Duration timeout) {
    if (!active.compareAndSet(true, false)) {
      return CompletableFuture.completedFuture(null);
    }
    consumer.stop();
    requests.drain(timeout);
    return inFlight
        .whenIdle()
        .orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
        .handle((v, e) -> null)
        .thenRun(this::release);
  }

  @Override
  public void close() {
    if (active.compareAndSet(true, false)) {
      release();
    }
  }

  private void release() {
    if (requests != null) {
      requests.close();
    }
    closeConsumer();
    if (group == null) {
      deleteQuietly();
    }
  }

  private void closeConsumer() {
    try {
      consumer.close();
    } catch (Exception e) {
      // closing a consumer of a closed connection has nothing left to do
    }
  }

  private void deleteQuietly() {
    try {
      stream.deleteConsumer(consumerName);
    } catch (IOException | JetStreamApiException | RuntimeException e) {
      // the server drops a private consumer on its own after its inactive threshold
    }
  }
}
