package io.sluice.broker;

import java.util.Map;
import java.util.ServiceLoader;

/** Finds the adapter for a URL scheme; an unknown scheme names the artifact to add. */
final class BrokerProviders {
  private static final Map<String, String> KNOWN_MODULES =
      Map.of(
          "nats", "io.sluice:sluice-nats",
          "embedded", "io.sluice:sluice-embedded",
          "kafka", "io.sluice:sluice-kafka",
          "pulsar", "io.sluice:sluice-pulsar",
          "amqp", "io.sluice:sluice-rabbitmq",
          "amqps", "io.sluice:sluice-rabbitmq",
          "redis", "io.sluice:sluice-redis",
          "rediss", "io.sluice:sluice-redis");

  private BrokerProviders() {}

  static Broker open(BrokerSpec spec) {
    String scheme = spec.scheme();
    for (BrokerProvider provider : ServiceLoader.load(BrokerProvider.class)) {
      if (provider.schemes().contains(scheme)) {
        Broker broker = provider.open(spec);
        return spec.listeners().isEmpty() ? broker : new ObservedBroker(broker, spec.listeners());
      }
    }
    throw new UnknownBrokerException(spec.redactedUrl(), scheme, KNOWN_MODULES.get(scheme));
  }
}
