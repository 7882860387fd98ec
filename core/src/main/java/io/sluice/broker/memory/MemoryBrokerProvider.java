package io.sluice.broker.memory;

import io.sluice.broker.Broker;
import io.sluice.broker.BrokerProvider;
import io.sluice.broker.BrokerSpec;
import io.sluice.broker.Capability;
import java.util.Set;

/**
 * Opens the in-memory broker for the {@code mem:} URL scheme.
 *
 * <p>Settings: {@code maxRetained} (events kept for replay, default 100000, oldest dropped first)
 * and {@code dedupWindow} (how long an {@code idempotencykey} is remembered, default 2 minutes; a
 * {@link java.time.Duration}, ISO-8601 text such as {@code PT2M}, or text such as {@code 500ms},
 * {@code 90s}, {@code 2m}, {@code 1h}). The broker keeps nothing across restarts: {@link
 * io.sluice.broker.AckMode#DURABLE} publishes are accepted and complete once the event is in the
 * process's memory, which is all the durability it has, so it does not declare {@link
 * io.sluice.broker.Capability#DURABLE_PUBLISH}.
 */
public final class MemoryBrokerProvider implements BrokerProvider {

  /** The URL scheme this provider opens. */
  public static final String SCHEME = "mem";

  @Override
  public Set<Capability> capabilities() {
    return MemoryBroker.CAPABILITIES;
  }

  @Override
  public Set<String> schemes() {
    return Set.of(SCHEME);
  }

  @Override
  public Broker open(BrokerSpec spec) {
    if (!SCHEME.equals(spec.scheme())) {
      throw new IllegalArgumentException(
          "the in-memory broker opens 'mem:' URLs but was given '" + spec.redactedUrl() + "'");
    }
    MemorySettings settings = MemorySettings.from(spec.settings());
    String url = spec.redactedUrl().equals(SCHEME + ":/") ? SCHEME + ":" : spec.redactedUrl();
    return new MemoryBroker(url, settings, spec.clock());
  }
}
