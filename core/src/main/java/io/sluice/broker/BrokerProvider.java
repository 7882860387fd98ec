package io.sluice.broker;

import java.util.Set;

/**
 * A broker adapter, found through {@link java.util.ServiceLoader} by URL scheme. Each adapter
 * module registers one in {@code META-INF/services/io.sluice.broker.BrokerProvider}.
 */
public interface BrokerProvider {

  /** URL schemes this adapter opens, lower case, e.g. {@code nats}. */
  Set<String> schemes();

  /**
   * What every broker this adapter opens can do, known without connecting; equal to {@link
   * Broker#capabilities()}. The broker comparison in the docs is checked against it.
   */
  Set<Capability> capabilities();

  /** Opens a connected broker; the spec's scheme is one of {@link #schemes()}. */
  Broker open(BrokerSpec spec);
}
