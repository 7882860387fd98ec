package io.sluice.library.internal;

import io.sluice.broker.Capability;
import io.sluice.broker.Delivery;
import io.sluice.broker.DeliveryHandler;
import io.sluice.broker.Subscription;
import io.sluice.envelope.Extensions;
import io.sluice.library.ConsumerOptions;
import io.sluice.library.EventContract;
import io.sluice.library.EventSubscription;
import io.sluice.library.HandlerChain;
import io.sluice.subject.SubjectPattern;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a {@link HandlerChain} for one broker subscription: bounded concurrency (a semaphore holds
 * the broker back), optional per-key ordering, settling by outcome, and draining on close.
 *
 * <p>Retries use the broker's delayed nack when it has {@link Capability#DELAYED_REDELIVERY}, and
 * are scheduled in process otherwise (the delivery stays unsettled meanwhile).
 */
public final class SubscriptionRunner<T> implements EventSubscription, DeliveryHandler {
  private static final Logger LOG = LoggerFactory.getLogger(SubscriptionRunner.class);

  private final ClientContext context;
  private final ConsumerOptions options;
  private final Stage pipeline;
  private final OutcomeReporter reporter;
  private final Semaphore permits;
  private final boolean brokerDelays;
  private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
  private final Map<String, CompletableFuture<Void>> tails = new ConcurrentHashMap<>();
  private final Set<CompletableFuture<Void>> inFlight = ConcurrentHashMap.newKeySet();
  private volatile boolean closing;
  private volatile Subscription subscription;

  private SubscriptionRunner(ClientContext context, ConsumerOptions options, Stage pipeline) {
    this.context = context;
    this.options = options;
    this.pipeline = pipeline;
    this.reporter = new OutcomeReporter(context, options.name());
    this.permits = new Semaphore(options.concurrency());
    this.brokerDelays = context.broker().has(Capability.DELAYED_REDELIVERY);
  }

  public static <T> SubscriptionRunner<T> start(
      ClientContext context,
      SubjectPattern pattern,
      EventContract<T> contract,
      HandlerChain<T> chain,
      ConsumerOptions options) {
    SubscriptionRunner<T> runner =
        new SubscriptionRunner<>(
            context, options, Pipeline.build(context, contract, chain, options));
    runner.subscription = context.broker().subscribe(pattern, options.broker(), runner);
    return runner;
  }

  @Override
  public String name() {
    return options.name();
  }

  @Override
  public int inFlight() {
    return inFlight.size();
  }

  @Override
  public void onDelivery(Delivery delivery) throws InterruptedException {
    if (closing) {
      delivery.nack(Duration.ZERO);
      return;
    }
    permits.acquire();
    CompletableFuture<Void> done = schedule(new Attempt(delivery, delivery.deliveryCount()));
    inFlight.add(done);
    done.whenComplete((v, e) -> release(done));
  }

  private void release(CompletableFuture<Void> done) {
    inFlight.remove(done);
    permits.release();
  }

  private CompletableFuture<Void> schedule(Attempt attempt) {
    String key = orderingKey(attempt.delivery());
    if (key == null) {
      return process(attempt);
    }
    CompletableFuture<Void> next =
        tails.compute(
            key,
            (k, tail) ->
                (tail == null ? CompletableFuture.<Void>completedFuture(null) : tail)
                    .handle((v, e) -> null)
                    .thenCompose(v -> process(attempt)));
    next.whenComplete((v, e) -> tails.remove(key, next));
    return next;
  }

  private String orderingKey(Delivery delivery) {
    return options.orderByKey()
        ? delivery.event().extensionAsString(Extensions.PARTITION_KEY).orElse(null)
        : null;
  }

  private CompletableFuture<Void> process(Attempt attempt) {
    return CompletableFuture.supplyAsync(() -> runOnce(attempt), executor)
        .thenCompose(outcome -> settle(attempt, outcome))
        .exceptionally(e -> logSettleFailure(attempt, e));
  }

  private Outcome runOnce(Attempt attempt) {
    long started = System.nanoTime();
    Outcome outcome;
    try (var ignored = LogContext.of(attempt.delivery().event())) {
      outcome = pipeline.apply(attempt);
      reporter.report(attempt, outcome, Duration.ofNanos(System.nanoTime() - started));
    } catch (RuntimeException e) {
      outcome = new Outcome.Failed(e);
    }
    return outcome;
  }

  private CompletableFuture<Void> settle(Attempt attempt, Outcome outcome) {
    Delivery delivery = attempt.delivery();
    if (outcome instanceof Outcome.Retry retry) {
      return retry(attempt.next(), retry.delay());
    }
    if (outcome instanceof Outcome.Deferred deferred) {
      return retry(attempt, deferred.delay());
    }
    if (outcome instanceof Outcome.Failed) {
      return delivery.term().toCompletableFuture();
    }
    return delivery.ack().toCompletableFuture();
  }

  /** Hands {@code attempt} back to the broker for later, or runs it here after {@code delay}. */
  private CompletableFuture<Void> retry(Attempt attempt, Duration delay) {
    if (brokerDelays) {
      return attempt.delivery().nack(delay).toCompletableFuture();
    }
    var later = CompletableFuture.delayedExecutor(delay.toNanos(), TimeUnit.NANOSECONDS, executor);
    return CompletableFuture.runAsync(() -> {}, later)
        .thenCompose(
            v ->
                closing
                    ? attempt.delivery().nack(Duration.ZERO).toCompletableFuture()
                    : process(attempt));
  }

  private Void logSettleFailure(Attempt attempt, Throwable e) {
    LOG.warn(
        "subscription {} could not settle event {}; the broker will redeliver it: {}",
        options.name(),
        attempt.delivery().event().id(),
        e.toString());
    return null;
  }

  @Override
  public void close() {
    if (closing) {
      return;
    }
    closing = true;
    Duration timeout = options.drainTimeout();
    awaitQuietly(subscription.drain(timeout).toCompletableFuture(), timeout);
    awaitQuietly(CompletableFuture.allOf(inFlight.toArray(CompletableFuture[]::new)), timeout);
    subscription.close();
    executor.shutdown();
  }

  private void awaitQuietly(CompletableFuture<?> future, Duration timeout) {
    try {
      future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      LOG.warn(
          "subscription {} did not drain within {}; {} events will be redelivered",
          options.name(),
          timeout,
          inFlight.size());
    }
  }
}
