package io.sluice.library.testing;

import io.sluice.broker.Delivery;
import io.sluice.broker.DeliveryHandler;
import io.sluice.broker.SubscribeOptions;
import io.sluice.broker.Subscription;
import io.sluice.envelope.CloudEvent;
import io.sluice.subject.Subject;
import io.sluice.subject.SubjectPattern;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One subscriber of the {@link InProcessBroker}: hands deliveries to its handler one at a time on
 * its own thread, with at most {@code maxInFlight} unsettled; a nack redelivers after its delay.
 */
final class InProcessSubscription implements Subscription {
  private static final Logger LOG = LoggerFactory.getLogger(InProcessSubscription.class);

  private final SubjectPattern pattern;
  private final SubscribeOptions options;
  private final DeliveryHandler handler;
  private final List<InProcessSubscription> registry;
  private final ExecutorService thread =
      Executors.newSingleThreadExecutor(Thread.ofVirtual().name("test-broker-delivery").factory());
  private final Semaphore unsettled;
  private volatile boolean active = true;

  InProcessSubscription(
      SubjectPattern pattern,
      SubscribeOptions options,
      DeliveryHandler handler,
      List<InProcessSubscription> registry) {
    this.pattern = pattern;
    this.options = options;
    this.handler = handler;
    this.registry = registry;
    this.unsettled = new Semaphore(options.maxInFlight());
  }

  void deliver(Subject subject, CloudEvent event, long sequence, int count) {
    if (!active) {
      return;
    }
    try {
      thread.execute(() -> handOver(new InDelivery(subject, event, sequence, count)));
    } catch (RejectedExecutionException closedMeanwhile) {
      LOG.debug("subscription closed; event {} not delivered here", event.id());
    }
  }

  private void handOver(InDelivery delivery) {
    try {
      unsettled.acquire();
      handler.onDelivery(delivery);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      LOG.debug("handler threw; nacking {}", delivery.event().id(), e);
      delivery.nack(Duration.ZERO);
    }
  }

  @Override
  public SubjectPattern pattern() {
    return pattern;
  }

  @Override
  public Optional<String> group() {
    return options.groupName();
  }

  @Override
  public boolean isActive() {
    return active;
  }

  @Override
  public CompletionStage<Void> drain(Duration timeout) {
    active = false;
    thread.shutdown();
    return CompletableFuture.runAsync(
        () -> {
          try {
            thread.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        });
  }

  @Override
  public void close() {
    active = false;
    thread.shutdownNow();
    registry.remove(this);
  }

  private final class InDelivery implements Delivery {
    private final Subject subject;
    private final CloudEvent event;
    private final long sequence;
    private final int count;
    private final AtomicBoolean settled = new AtomicBoolean();

    InDelivery(Subject subject, CloudEvent event, long sequence, int count) {
      this.subject = subject;
      this.event = event;
      this.sequence = sequence;
      this.count = count;
    }

    @Override
    public Subject subject() {
      return subject;
    }

    @Override
    public CloudEvent event() {
      return event;
    }

    @Override
    public int deliveryCount() {
      return count;
    }

    @Override
    public OptionalLong sequence() {
      return OptionalLong.of(sequence);
    }

    @Override
    public CompletionStage<Void> ack() {
      settle();
      return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletionStage<Void> nack(Duration delay) {
      if (settle() && noLimitReached()) {
        var later = CompletableFuture.delayedExecutor(delay.toNanos(), TimeUnit.NANOSECONDS);
        later.execute(() -> deliver(subject, event, sequence, count + 1));
      }
      return CompletableFuture.completedFuture(null);
    }

    private boolean noLimitReached() {
      return options.maxDeliveries() == 0 || count < options.maxDeliveries();
    }

    @Override
    public CompletionStage<Void> term() {
      settle();
      return CompletableFuture.completedFuture(null);
    }

    private boolean settle() {
      boolean first = settled.compareAndSet(false, true);
      if (first) {
        unsettled.release();
      }
      return first;
    }

    @Override
    public boolean expectsReply() {
      return false;
    }

    @Override
    public CompletionStage<Void> reply(CloudEvent reply) {
      return CompletableFuture.failedFuture(new IllegalStateException("no reply expected"));
    }
  }
}
