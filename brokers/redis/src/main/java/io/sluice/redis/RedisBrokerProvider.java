package io.sluice.redis;

import io.sluice.broker.Broker;
import io.sluice.broker.BrokerProvider;
import io.sluice.broker.BrokerSpec;
import io.sluice.broker.Capability;
import io.sluice.redis.internal.RedisBroker;
import java.util.Set;

/**
 * Opens {@code redis://} and {@code rediss://} URLs; registered for {@link
 * java.util.ServiceLoader}.
 */
public final class RedisBrokerProvider implements BrokerProvider {

  @Override
  public Set<Capability> capabilities() {
    return RedisBroker.CAPABILITIES;
  }

  @Override
  public Set<String> schemes() {
    return Set.of("redis", "rediss");
  }

  @Override
  public Broker open(BrokerSpec spec) {
    return RedisBroker.connect(spec, RedisSettings.from(spec.settings()));
  }
}
