package io.sluice.pulsar;

import io.sluice.broker.Broker;
import io.sluice.testkit.BrokerCompatibilityKit;
import org.junit.jupiter.api.AfterAll;

class PulsarBrokerCompatibilityTest extends BrokerCompatibilityKit {

  @Override
  protected Broker openBroker() {
    return TestBroker.connect();
  }

  @Override
  protected String subjectRoot() {
    return "kit-pulsar";
  }

  @AfterAll
  static void deleteKitTopics() throws Exception {
    TestTopics.deleteStartingWith("kit-pulsar.");
  }
}
