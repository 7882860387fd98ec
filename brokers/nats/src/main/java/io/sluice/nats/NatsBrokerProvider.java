package io.sluice.nats;

import io.sluice.broker.Broker;
import io.sluice.broker.BrokerProvider;
import io.sluice.broker.BrokerSpec;
import io.sluice.broker.Capability;
import io.sluice.nats.internal.NatsBroker;
import java.util.Set;

/** Opens {@code nats://} URLs; registered for {@link java.util.ServiceLoader}. */
public final class NatsBrokerProvider implements BrokerProvider {

  @Override
  public Set<Capability> capabilities() {
    return NatsBroker.CAPABILITIES;
  }

  @Override
  public Set<String> schemes() {
    return Set.of("nats");
  }

  @Override
  public Broker open(BrokerSpec spec) {
    return NatsBroker.connect(spec, NatsSettings.parse(spec.settings()));
  }
}
