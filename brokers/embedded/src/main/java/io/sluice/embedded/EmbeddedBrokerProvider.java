package io.sluice.embedded;

import io.sluice.broker.Broker;
import io.sluice.broker.BrokerProvider;
import io.sluice.broker.BrokerSpec;
import io.sluice.broker.Capability;
import java.util.Set;

/**
 * Opens {@code embedded:<directory>} URLs: a durable broker inside the process, stored in the
 * directory (relative or absolute; {@code ./sluice-data} when empty).
 */
public final class EmbeddedBrokerProvider implements BrokerProvider {

  @Override
  public Set<Capability> capabilities() {
    return EmbeddedBroker.CAPABILITIES;
  }

  @Override
  public Set<String> schemes() {
    return Set.of("embedded");
  }

  @Override
  public Broker open(BrokerSpec spec) {
    return EmbeddedBroker.open(spec.redactedUrl(), EmbeddedSettings.from(spec), spec.clock());
  }
}
