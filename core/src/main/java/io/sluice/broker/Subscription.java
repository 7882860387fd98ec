package io.sluice.broker;

import io.sluice.subject.SubjectPattern;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/** A running subscription. Closing it stops deliveries; a durable group keeps its position. */
public interface Subscription extends AutoCloseable {

  SubjectPattern pattern();

  /** The consumer group or durable name, when the subscription has one. */
  Optional<String> group();

  /** True until closed or drained. */
  boolean isActive();

  /** Stops taking new deliveries and completes when those in the handler are done. */
  CompletionStage<Void> drain(Duration timeout);

  /** Stops deliveries at once; unacknowledged deliveries will be redelivered. Idempotent. */
  @Override
  void close();
}
