package io.sluice.rabbitmq;

import io.sluice.broker.Broker;
import io.sluice.broker.BrokerProvider;
import io.sluice.broker.BrokerSpec;
import io.sluice.broker.Capability;
import io.sluice.rabbitmq.internal.RabbitMqBroker;
import java.util.Set;

/**
 * Opens {@code amqp://} and {@code amqps://} URLs; registered for {@link java.util.ServiceLoader}.
 */
public final class RabbitMqBrokerProvider implements BrokerProvider {

  @Override
  public Set<Capability> capabilities() {
    return RabbitMqBroker.CAPABILITIES;
  }

  @Override
  public Set<String> schemes() {
    return Set.of("amqp", "amqps");
  }

  @Override
  public Broker open(BrokerSpec spec) {
    return RabbitMqBroker.connect(spec, RabbitMqSettings.from(spec.settings()));
  }
}
