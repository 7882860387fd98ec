package io.sluice.library.internal;

import io.sluice.broker.AckMode;
import io.sluice.broker.Broker;
import io.sluice.broker.Delivery;
import io.sluice.broker.StartPosition;
import io.sluice.broker.SubscribeOptions;
import io.sluice.broker.Subscription;
import io.sluice.envelope.CloudEvent;
import io.sluice.envelope.Extensions;
import io.sluice.library.DeadLetters;
import io.sluice.library.RedriveOptions;
import io.sluice.library.RedriveResult;
import io.sluice.subject.Subject;
import io.sluice.subject.SubjectPattern;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One redrive run: subscribes to a dead-letter subject from the start in a consumer group, handles
 * deliveries one at a time, and ends when the subject stays quiet or the limit is reached. Skipped
 * and failed dead letters are never settled, so a later run sees them again.
 */
public final class Redriver {
  private static final Duration ACK_WAIT = Duration.ofMinutes(5);
  private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(5);

  private final Broker broker;
  private final Subject deadLetter;
  private final RedriveOptions options;
  private final Set<String> seen = ConcurrentHashMap.newKeySet();
  private int taken;
  private int redriven;
  private int skipped;
  private int failed;
  private long lastActivityNanos = System.nanoTime();

  public Redriver(Broker broker, Subject deadLetter, RedriveOptions options) {
    this.broker = Objects.requireNonNull(broker, "broker");
    this.deadLetter = Objects.requireNonNull(deadLetter, "deadLetter");
    this.options = Objects.requireNonNull(options, "options");
  }

  /** Runs until quiet or the limit, then closes the subscription and returns the counts. */
  public RedriveResult run() {
    Subscription subscription =
        broker.subscribe(
            SubjectPattern.of(deadLetter.value()), subscribeOptions(), this::onDelivery);
    try {
      awaitEnd();
    } finally {
      subscription.drain(CLOSE_TIMEOUT).toCompletableFuture().exceptionally(e -> null).join();
    }
    synchronized (this) {
      return new RedriveResult(redriven, skipped, failed, options.dryRun());
    }
  }

  private SubscribeOptions subscribeOptions() {
    String group = options.group() != null ? options.group() : groupFor(deadLetter);
    return SubscribeOptions.group(group).withStart(StartPosition.all()).withAckWait(ACK_WAIT);
  }

  static String groupFor(Subject subject) {
    String name = "redrive-" + subject.value().replaceAll("[^A-Za-z0-9_-]", "_");
    return name.length() <= 64 ? name : name.substring(0, 64);
  }

  private synchronized void awaitEnd() {
    Duration quiet = options.quietPeriod();
    while (inProgress() || !limitReached()) {
      long left = quiet.toNanos() - (System.nanoTime() - lastActivityNanos);
      if (left <= 0 && !inProgress()) {
        return;
      }
      try {
        wait(Math.max(10, left / 1_000_000));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private boolean inProgress() {
    return redriven + skipped + failed < taken;
  }

  private boolean limitReached() {
    return options.max() > 0 && taken >= options.max();
  }

  private void onDelivery(Delivery delivery) {
    if (!seen.add(delivery.event().id()) || !take()) {
      return;
    }
    Optional<Subject> target = targetOf(delivery.event());
    if (target.isEmpty()) {
      record(Result.SKIPPED);
    } else if (options.dryRun()) {
      record(Result.REDRIVEN);
    } else {
      record(republish(delivery, target.get()));
    }
  }

  private synchronized boolean take() {
    if (limitReached()) {
      return false;
    }
    taken++;
    lastActivityNanos = System.nanoTime();
    return true;
  }

  private Optional<Subject> targetOf(CloudEvent event) {
    if (options.target() != null) {
      return Optional.of(options.target());
    }
    return event.extensionAsString(DeadLetters.ORIGINAL_SUBJECT).flatMap(Redriver::subjectOrEmpty);
  }

  private static Optional<Subject> subjectOrEmpty(String value) {
    try {
      return Optional.of(Subject.of(value));
    } catch (RuntimeException invalid) {
      return Optional.empty();
    }
  }

  private Result republish(Delivery delivery, Subject target) {
    try {
      broker
          .publish(target, original(delivery.event()), AckMode.DURABLE)
          .toCompletableFuture()
          .join();
      delivery.ack().toCompletableFuture().join();
      return Result.REDRIVEN;
    } catch (RuntimeException e) {
      return Result.FAILED;
    }
  }

  /**
   * The dead letter without the extensions dead-lettering added. Its idempotency key is derived
   * from the dead letter's, so a repeated redrive of one dead letter is suppressed as a duplicate
   * while the redrive itself is not mistaken for the original publish.
   */
  static CloudEvent original(CloudEvent deadLetter) {
    CloudEvent.Builder builder = deadLetter.toBuilder();
    builder.extension(Extensions.IDEMPOTENCY_KEY, "redrive " + IdempotencyStage.keyOf(deadLetter));
    DeadLetters.EXTENSIONS.forEach(name -> builder.extension(name, null));
    return builder.build();
  }

  private synchronized void record(Result result) {
    switch (result) {
      case REDRIVEN -> redriven++;
      case SKIPPED -> skipped++;
      case FAILED -> failed++;
    }
    lastActivityNanos = System.nanoTime();
    notifyAll();
  }

  private enum Result {
    REDRIVEN,
    SKIPPED,
    FAILED
  }
}
