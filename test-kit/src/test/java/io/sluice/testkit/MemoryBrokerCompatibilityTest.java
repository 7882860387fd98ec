package io.sluice.testkit;

import io.sluice.broker.Broker;

/** The in-memory broker passes the whole compatibility kit. */
class MemoryBrokerCompatibilityTest extends BrokerCompatibilityKit {
  @Override
  protected Broker openBroker() {
    return Broker.connect("mem:");
  }
}
