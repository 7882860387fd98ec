package io.sluice.library;

import io.sluice.broker.SubscribeOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How a subscription consumes.
 *
 * @param name names the subscription in metrics and logs
 * @param broker the broker-level options (consumer group, start position, ack wait)
 * @param concurrency events handled at once; the broker is held back beyond that
 * @param orderByKey when true, events with the same {@code partitionkey} are handled one after the
 *     other in arrival order (events without a key are not ordered)
 * @param drainTimeout how long {@link EventSubscription#close()} waits for in-flight handling
 */
public record ConsumerOptions(
    String name,
    SubscribeOptions broker,
    int concurrency,
    boolean orderByKey,
    Duration drainTimeout) {

  public ConsumerOptions {
    Objects.requireNonNull(broker, "broker");
    Objects.requireNonNull(drainTimeout, "drainTimeout");
    List<String> problems = new ArrayList<>();
    if (!isValidName(name)) {
      problems.add(nameProblem(name));
    }
    if (concurrency < 1) {
      problems.add("concurrency must be >= 1 but was " + concurrency);
    }
    if (drainTimeout.isNegative()) {
      problems.add("drainTimeout must be >= 0 but was " + drainTimeout);
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(String.join("; ", problems));
    }
  }

  /**
   * One at a time, in a consumer group named after {@code name} ({@code .} becomes {@code -}),
   * draining for up to 30 seconds.
   */
  public static ConsumerOptions named(String name) {
    if (!isValidName(name)) {
      throw new IllegalArgumentException(nameProblem(name));
    }
    SubscribeOptions group = SubscribeOptions.group(name.replace('.', '-'));
    return new ConsumerOptions(name, group, 1, false, Duration.ofSeconds(30));
  }

  private static boolean isValidName(String name) {
    return name != null && name.matches("[A-Za-z0-9_.-]{1,64}");
  }

  private static String nameProblem(String name) {
    return "name must be 1-64 characters of A-Z, a-z, 0-9, '_', '.' or '-' but was '" + name + "'";
  }

  public ConsumerOptions withBroker(SubscribeOptions broker) {
    return new ConsumerOptions(name, broker, concurrency, orderByKey, drainTimeout);
  }

  public ConsumerOptions withConcurrency(int concurrency) {
    return new ConsumerOptions(name, broker, concurrency, orderByKey, drainTimeout);
  }

  public ConsumerOptions withOrderByKey(boolean orderByKey) {
    return new ConsumerOptions(name, broker, concurrency, orderByKey, drainTimeout);
  }

  public ConsumerOptions withDrainTimeout(Duration drainTimeout) {
    return new ConsumerOptions(name, broker, concurrency, orderByKey, drainTimeout);
  }
}
