package io.sluice.broker;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How to subscribe.
 *
 * @param group consumer group or durable name; null for a private, non-durable subscription
 * @param start where a new subscription starts (ignored when a durable group resumes)
 * @param ackWait how long a delivery may stay unsettled before it is delivered again
 * @param maxDeliveries attempts after which a delivery is no longer redelivered; 0 for no limit
 * @param maxInFlight unsettled deliveries allowed at once (back-pressure on the broker)
 */
public record SubscribeOptions(
    String group, StartPosition start, Duration ackWait, int maxDeliveries, int maxInFlight) {

  public static final Duration DEFAULT_ACK_WAIT = Duration.ofSeconds(30);
  public static final int DEFAULT_MAX_IN_FLIGHT = 256;

  public SubscribeOptions {
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(ackWait, "ackWait");
    List<String> problems = new ArrayList<>();
    if (group != null && !group.matches("[A-Za-z0-9_-]{1,64}")) {
      problems.add(
          "group must be 1-64 characters of A-Z, a-z, 0-9, '_' or '-' but was '" + group + "'");
    }
    if (ackWait.isNegative() || ackWait.isZero()) {
      problems.add("ackWait must be > 0 but was " + ackWait);
    }
    if (maxDeliveries < 0) {
      problems.add("maxDeliveries must be >= 0 but was " + maxDeliveries);
    }
    if (maxInFlight < 1) {
      problems.add("maxInFlight must be >= 1 but was " + maxInFlight);
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(String.join("; ", problems));
    }
  }

  /** A private subscription to new events with default limits. */
  public static SubscribeOptions defaults() {
    return new SubscribeOptions(
        null, StartPosition.newOnly(), DEFAULT_ACK_WAIT, 0, DEFAULT_MAX_IN_FLIGHT);
  }

  /** A consumer-group subscription to new events with default limits. */
  public static SubscribeOptions group(String group) {
    return defaults().withGroup(group);
  }

  public Optional<String> groupName() {
    return Optional.ofNullable(group);
  }

  public SubscribeOptions withGroup(String group) {
    return new SubscribeOptions(group, start, ackWait, maxDeliveries, maxInFlight);
  }

  public SubscribeOptions withStart(StartPosition start) {
    return new SubscribeOptions(group, start, ackWait, maxDeliveries, maxInFlight);
  }

  public SubscribeOptions withAckWait(Duration ackWait) {
    return new SubscribeOptions(group, start, ackWait, maxDeliveries, maxInFlight);
  }

  public SubscribeOptions withMaxDeliveries(int maxDeliveries) {
    return new SubscribeOptions(group, start, ackWait, maxDeliveries, maxInFlight);
  }

  public SubscribeOptions withMaxInFlight(int maxInFlight) {
    return new SubscribeOptions(group, start, ackWait, maxDeliveries, maxInFlight);
  }
}
