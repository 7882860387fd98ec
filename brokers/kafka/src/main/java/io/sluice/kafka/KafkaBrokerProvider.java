package io.sluice.kafka;

import io.sluice.broker.Broker;
import io.sluice.broker.BrokerProvider;
import io.sluice.broker.BrokerSpec;
import io.sluice.broker.Capability;
import io.sluice.kafka.internal.KafkaBroker;
import java.util.Set;

/** Opens {@code kafka://host:port[,host:port]} URLs; registered for ServiceLoader. */
public final class KafkaBrokerProvider implements BrokerProvider {

  @Override
  public Set<Capability> capabilities() {
    return KafkaBroker.CAPABILITIES;
  }

  @Override
  public Set<String> schemes() {
    return Set.of("kafka");
  }

  @Override
  public Broker open(BrokerSpec spec) {
    return KafkaBroker.connect(spec, KafkaSettings.parse(spec.settings()));
  }
}
