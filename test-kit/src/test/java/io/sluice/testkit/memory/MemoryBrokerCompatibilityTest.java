package io.sluice.testkit.memory;

import io.sluice.broker.Broker;
import io.sluice.testkit.BrokerCompatibilityKit;

/** The in-memory broker passes the whole compatibility kit, from outside the kit's package. */
class MemoryBrokerCompatibilityTest extends BrokerCompatibilityKit {
  @Override
  protected Broker openBroker() {
    return Broker.connect("mem:");
  }
}
