package io.sluice.pulsar;

import io.sluice.broker.Broker;
import io.sluice.broker.BrokerProvider;
import io.sluice.broker.BrokerSpec;
import io.sluice.broker.Capability;
import io.sluice.pulsar.internal.PulsarBroker;
import java.util.Set;

/** Opens {@code pulsar://} and {@code pulsar+ssl://} URLs; registered for ServiceLoader. */
public final class PulsarBrokerProvider implements BrokerProvider {

  @Override
  public Set<Capability> capabilities() {
    return PulsarBroker.CAPABILITIES;
  }

  @Override
  public Set<String> schemes() {
    return Set.of("pulsar", "pulsar+ssl");
  }

  @Override
  public Broker open(BrokerSpec spec) {
    return PulsarBroker.connect(spec, PulsarSettings.parse(spec.settings()));
  }
}
