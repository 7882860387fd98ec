package io.sluice.pulsar;

import io.sluice.broker.Broker;
import io.sluice.testkit.BrokerCompatibilityKit;

class PulsarBrokerCompatibilityTest extends BrokerCompatibilityKit {

  @Override
  protected Broker openBroker() {
    return TestBroker.connect();
  }

  @Override
  protected String subjectRoot() {
    return "kit-pulsar";
  }
}
