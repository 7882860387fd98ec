package io.sluice.redis;

import io.sluice.broker.Broker;
import io.sluice.testkit.BrokerCompatibilityKit;
import io.sluice.testkit.servers.RedisServerExtension;
import java.util.Map;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The shared broker compatibility kit against a redis-server the test starts itself. */
class RedisBrokerCompatibilityTest extends BrokerCompatibilityKit {
  @RegisterExtension static final RedisServerExtension REDIS = new RedisServerExtension();

  private static final Map<String, Object> SETTINGS =
      Map.of("scanInterval", "50ms", "claimInterval", "100ms");

  @Override
  protected Broker openBroker() {
    return REDIS.connect(SETTINGS);
  }
}
